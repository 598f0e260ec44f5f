using LaVae.Data;

namespace LaVae.Cli.Rendering;

/// <summary>
/// Dataset fetches as plain lines: why a file is fetched and from where, then how far it has got
/// (the store reports a few times per file). Written as reported, in order.
/// </summary>
internal sealed class DataProgressLines(TextWriter writer) : IProgress<DataProgress>
{
    public void Report(DataProgress value)
    {
        if (value.Reason is { } reason)
        {
            writer.WriteLine($"fetching {value.FileName} from {value.Source}: {reason}");
            return;
        }

        var total = value.BytesTotal is { } t ? $" of {t / 1024} KiB" : "";
        writer.WriteLine($"  {value.FileName}: {value.BytesDone / 1024} KiB{total}");
    }
}
