using LaVae.Data;
using LaVae.DataFetching;

namespace LaVae.Cli.Rendering;

/// <summary>
/// Dataset fetches as plain lines: once why a file is fetched, then each source's answer, a failure or
/// how far the file has got (the store reports a few times per file). Written as reported, in order.
/// </summary>
internal sealed class DataProgressLines(TextWriter writer) : IProgress<DataProgress>
{
    public void Report(DataProgress value)
    {
        if (value.Reason is { } reason)
        {
            writer.WriteLine($"fetching {value.FileName}: {reason}");
            return;
        }

        if (value.Failure is { } failure)
        {
            writer.WriteLine($"  from {value.Source}: failed: {failure}");
            return;
        }

        var total = value.BytesTotal is { } t ? $" of {t / 1024} KiB" : "";
        writer.WriteLine($"  from {value.Source}: {value.BytesDone / 1024} KiB{total}");
    }
}
