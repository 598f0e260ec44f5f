using System.CommandLine;
using LaVae.Data;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae data fetch &lt;dataset&gt;</c>: download (or find) and verify a dataset's four files.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "mnist or fashion-mnist." };
        var folder = new Option<string?>("--data") { Description = "Dataset folder (default: $LAVAE_DATA, then ~/.cache/lavae)." };
        var fetch = new Command("fetch", "Fetch a dataset into the store and check every file's MD5.") { dataset, folder };
        fetch.SetAction(parse =>
        {
            var name = DatasetNames.Parse(parse.GetValue(dataset)!);
            var lastReported = new Dictionary<string, long>();
            var progress = new Progress<DataProgress>(p =>
            {
                // One line per 10% (or per 8 MiB when the size is unknown): readable in CI logs too.
                var step = p.BytesTotal is > 0 ? p.BytesTotal.Value / 10 : 8L << 20;
                if (!lastReported.TryGetValue(p.FileName, out var last) || p.BytesDone - last >= step || p.BytesDone == p.BytesTotal)
                {
                    lastReported[p.FileName] = p.BytesDone;
                    var total = p.BytesTotal is { } t ? $"/{t / 1024} KiB" : " KiB";
                    Console.WriteLine($"  {p.FileName} from {p.Source}: {p.BytesDone / 1024}{total}");
                }
            });
            var store = DatasetStore.Open(parse.GetValue(folder), progress);
            store.EnsureAsync(name).GetAwaiter().GetResult();
            Console.WriteLine($"{name.FolderName()}: four files verified in {store.FolderOf(name)}");
            return 0;
        });
        return new Command("data", "Datasets: fetch and verify.") { fetch };
    }
}
