using System.CommandLine;
using LaVae.Artifacts;
using LaVae.Experiments;
using Spectre.Console;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae plan &lt;experiment.yaml&gt;</c>: the trained parts an experiment needs, with key, state and share.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "An experiments/*.yaml file (or an experiment id)." };
        var profile = new Option<string>("--profile") { Description = "smoke or paper.", DefaultValueFactory = _ => "smoke" };
        var shards = new Option<int>("--shards") { Description = "Show which share of n trains each part (lavae run --shard i/n).", DefaultValueFactory = _ => 1 };
        var store = CommonOptions.Store();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("plan", "List the trained parts (artifacts) an experiment needs: kind, key, state (done, partial, missing) and share.")
        {
            experiment, profile, shards, store, device, threads,
        };
        command.SetAction(parse =>
        {
            var (root, _, definition) = CommonOptions.FindExperiment(parse.GetValue(experiment)!);
            var count = CommonOptions.InRange(parse.GetValue(shards), "--shards", 1, int.MaxValue);
            var profileName = CommonOptions.RequireProfile(definition, parse.GetValue(profile)!);
            var dev = CommonOptions.Setup(parse.GetValue(device)!, parse.GetValue(threads));
            var artifacts = new ArtifactStore(CommonOptions.StoreFolder(parse.GetValue(store), root));
            var options = new RunOptions(profileName, dev, RepositoryRoot.RunFolder(root, definition.Id, profileName), artifacts.Root);
            var (_, graph) = ExperimentRunner.Plan(definition, options);

            var table = new Table().AddColumns("level", "share", "artifact", "key", "state");
            foreach (var node in graph.Nodes)
            {
                table.AddRow(
                    node.Level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{graph.ShardOf(node, count)}/{count}",
                    Markup.Escape(node.Spec.Describe()),
                    node.Key[..ArtifactKey.ShortLength],
                    artifacts.StateOf(node).ToString().ToLowerInvariant());
            }

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(definition.Id)}[/] ({Markup.Escape(profileName)} profile, {dev}): {graph.Nodes.Count} trained parts in {Markup.Escape(artifacts.Root)}");
            AnsiConsole.Write(table);
            var states = graph.Nodes.GroupBy(artifacts.StateOf).ToDictionary(g => g.Key, g => g.Count());
            AnsiConsole.MarkupLine($"done {states.GetValueOrDefault(ArtifactState.Done)}, partial {states.GetValueOrDefault(ArtifactState.Partial)}, missing {states.GetValueOrDefault(ArtifactState.Missing)}");
            return 0;
        });
        return command;
    }
}
