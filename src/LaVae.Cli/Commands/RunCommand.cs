using System.CommandLine;
using LaVae.Cli.Rendering;
using LaVae.Data;
using LaVae.Experiments;
using LaVae.IO;
using LaVae.Reports;
using LaVae.Training;
using Spectre.Console;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae run &lt;experiment.yaml&gt;</c>: train, measure, judge the claims, write results and the report.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "An experiments/*.yaml file (or an experiment id)." };
        var profile = new Option<string>("--profile") { Description = "smoke (small, CPU) or paper (the paper's settings).", DefaultValueFactory = _ => "smoke" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/<experiment>/<profile>)." };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: $LAVAE_DATA, then ~/.cache/lavae)." };
        var force = new Option<bool>("--force") { Description = "Measure again even if results.json already holds this run." };
        var tensorboard = new Option<string?>("--tensorboard") { Description = "Also write every trained part's training curves as TensorBoard event files under this folder." };
        var store = CommonOptions.Store();
        var shard = new Option<string?>("--shard") { Description = "Train only share i/n of the experiment's trained parts (processes sharing a store finish the graph together)." };
        var level = new Option<int?>("--level") { Description = "With --shard: train only parts at this depth of the graph (0: latent spaces and baselines, 1: transfer heads)." };
        var set = new Option<string[]>("--set") { Description = "A setting for this run over the profile's, e.g. --set epochs.stage1=20 (repeatable; checked as in a settings block; enters the run key)." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("run", "Run an experiment and write results.json, figures and report.{md,html}.")
        {
            experiment, profile, output, data, force, tensorboard, store, shard, level, set, device, threads,
        };
        command.SetAction(parse =>
        {
            var (root, catalog, definition) = CommonOptions.FindExperiment(parse.GetValue(experiment)!);
            var profileName = CommonOptions.RequireProfile(definition, parse.GetValue(profile)!);
            var overrides = CommonOptions.ParseOverrides(parse.GetValue(set) ?? []);
            var dev = CommonOptions.Setup(parse.GetValue(device)!, parse.GetValue(threads));
            var options = new RunOptions(profileName, dev,
                CommonOptions.NonEmptyPath(parse.GetValue(output), "--out") ?? RepositoryRoot.RunFolder(root, definition.Id, CommonOptions.RunFolderName(profileName, overrides)),
                CommonOptions.StoreFolder(parse.GetValue(store), root),
                CommonOptions.DataFolder(parse.GetValue(data)), parse.GetValue(force))
            {
                Overrides = overrides,
            };
            CommonOptions.RequireOutsideStore(options.OutputFolder, options.StoreFolder);
            if (parse.GetValue(shard) is { } shardText)
            {
                var share = CommonOptions.ParseShard(shardText, "--shard");
                if (share.IsAny)
                {
                    throw new UserInputException("--shard any is for `lavae train` (processes side by side each take the next free part); `lavae run` then measures");
                }

                Console.WriteLine($"Training share {share} of {definition.Id} ({profileName} profile) on {dev}; store {options.StoreFolder}");
                var left = Train(catalog, definition, options, share, CommonOptions.RequireLevel(parse.GetValue(level), [definition], options));
                if (left > 0)
                {
                    Console.WriteLine($"Share {share} done; {left} trained part(s) of the graph are still not done (other shares). `lavae plan` shows them.");
                    return 0;
                }
            }
            else if (parse.GetValue(level) is not null)
            {
                throw new UserInputException("--level applies only with --shard i/n");
            }

            var events = CommonOptions.NonEmptyPath(parse.GetValue(tensorboard), "--tensorboard");
            if (events is not null)
            {
                WritableFolder.Require(events, "--tensorboard folder");
            }

            Console.WriteLine($"Running {definition.Id} ({profileName} profile) on {dev}; output in {options.OutputFolder}; store {options.StoreFolder}");
            var outcome = Execute(catalog, definition, options);
            ResultsSummary.Print(outcome);
            if (events is not null)
            {
                var parts = TensorBoardExport.Write(events, outcome.Results);
                Console.WriteLine($"TensorBoard: the training curves of {parts} trained part(s) in {Path.Combine(events, definition.Id)}; view them with `tensorboard --logdir {events}`");
            }
            return outcome.Results.Claims.All(c => c.Passed) ? 0 : 1;
        });
        return command;
    }

    private static RunOutcome Execute(ExperimentCatalog catalog, Experiment experiment, RunOptions options) =>
        WithProgress(catalog, runner => runner.Run(experiment, options));

    private static int Train(ExperimentCatalog catalog, Experiment experiment, RunOptions options, Shard shard, int? level) =>
        WithProgress(catalog, runner => runner.TrainShare([experiment], options, shard, level));

    internal static T WithProgress<T>(ExperimentCatalog catalog, Func<ExperimentRunner, T> work)
    {
        var dataProgress = new DataProgressLines(Console.Error);
        if (!Interactive.IsTerminal)
        {
            return work(new ExperimentRunner(catalog, new PlainTextProgress(Console.Out), dataProgress));
        }

        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => result = work(new ExperimentRunner(catalog, new LiveTrainingProgress(context), dataProgress)));
        return result;
    }
}
