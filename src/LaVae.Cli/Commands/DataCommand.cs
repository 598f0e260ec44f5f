using System.CommandLine;
using LaVae.Cli.Rendering;
using LaVae.Data;
using LaVae.DataFetching;

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
            var name = CommonOptions.ParseDataset(parse.GetValue(dataset)!, "dataset");
            var progress = new DataProgressLines(Console.Out);
            var store = DatasetStore.Open(CommonOptions.DataFolder(parse.GetValue(folder)), progress);
            store.EnsureAsync(name).GetAwaiter().GetResult();
            Console.WriteLine($"{name.FolderName()}: four files verified in {store.FolderOf(name)}");
            return 0;
        });
        return new Command("data", "Datasets: fetch and verify.") { fetch };
    }
}
