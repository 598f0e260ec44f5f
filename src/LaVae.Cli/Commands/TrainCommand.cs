using System.CommandLine;
using LaVae.Experiments;

namespace LaVae.Cli.Commands;

/// <summary>
/// <c>lavae train &lt;experiment.yaml&gt;... --shard i/n|any [--level L]</c>: trains one share of the joint graph of
/// several experiments into the store, measuring nothing. CI jobs on separate machines each train a
/// share of a level, pass the store on, and a last job runs the claims; with <c>any</c>, processes
/// side by side on one machine (one per core) each take the next part no other has claimed.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var experiments = new Argument<string[]>("experiments") { Description = "experiments/*.yaml files (or ids).", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<string>("--profile") { Description = "smoke or paper.", DefaultValueFactory = _ => "smoke" };
        var shard = new Option<string>("--shard") { Description = "The share i/n of the joint graph to train, or any: the next part no other process has claimed, until the graph is done (one process per core).", DefaultValueFactory = _ => "1/1" };
        var level = new Option<int?>("--level") { Description = "Train only parts at this depth (0: latent spaces and baselines, 1: transfer heads); their sources must be done." };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: $LAVAE_DATA, then ~/.cache/lavae)." };
        var store = CommonOptions.Store();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("train", "Train one share of the trained parts of one or more experiments into the artifact store.")
        {
            experiments, profile, shard, level, data, store, device, threads,
        };
        command.SetAction(parse =>
        {
            var found = parse.GetValue(experiments)!.Select(CommonOptions.FindExperiment).ToList();
            var (root, catalog, _) = found[0];
            var share = CommonOptions.ParseShard(parse.GetValue(shard)!, "--shard");
            var profileName = parse.GetValue(profile)!;
            foreach (var (_, _, experiment) in found)
            {
                CommonOptions.RequireProfile(experiment, profileName);
            }

            var dev = CommonOptions.Setup(parse.GetValue(device)!, parse.GetValue(threads));
            var storeFolder = CommonOptions.StoreFolder(parse.GetValue(store), root);
            var options = new RunOptions(
                profileName, dev, RepositoryRoot.RunFolder(root, "train", profileName), storeFolder, CommonOptions.DataFolder(parse.GetValue(data)));
            var depth = CommonOptions.RequireLevel(parse.GetValue(level), found.Select(f => f.Experiment), options);
            Console.WriteLine($"Training share {share} of {string.Join(", ", found.Select(f => f.Experiment.Id))} ({profileName} profile) on {dev}; store {storeFolder}");
            var left = RunCommand.WithProgress(catalog, runner => runner.TrainShare(found.Select(f => f.Experiment).ToList(), options, share, depth));
            Console.WriteLine(left == 0 ? "Every trained part of these experiments is done." : $"{left} trained part(s) are not done yet (other shares or levels).");
            return 0;
        });
        return command;
    }
}
