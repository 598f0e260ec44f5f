using System.CommandLine;
using LaVae.Cli.Rendering;
using LaVae.Data;
using LaVae.Experiments;
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
        var force = new Option<bool>("--force") { Description = "Retrain even if results.json already holds this run." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("run", "Run an experiment and write results.json, figures and report.{md,html}.")
        {
            experiment, profile, output, data, force, device, threads,
        };
        command.SetAction(parse =>
        {
            var dev = CommonOptions.Setup(parse.GetValue(device)!, parse.GetValue(threads));
            var target = parse.GetValue(experiment)!;
            var root = RepositoryRoot.Find(File.Exists(target) ? target : Directory.GetCurrentDirectory());
            var catalog = ExperimentCatalog.Load(root);
            var definition = File.Exists(target)
                ? catalog.Experiments.FirstOrDefault(e => Path.GetFullPath(Path.Combine(root, e.SourcePath)) == Path.GetFullPath(target))
                    ?? throw new ArgumentException($"{target} is not one of {Path.Combine(root, ExperimentCatalog.ExperimentsFolder)}/*.yaml; experiments live there")
                : catalog.Find(target);
            var profileName = parse.GetValue(profile)!;
            var options = new RunOptions(profileName, dev, parse.GetValue(output) ?? RepositoryRoot.RunFolder(root, definition.Id, profileName),
                parse.GetValue(data), parse.GetValue(force));
            Console.WriteLine($"Running {definition.Id} ({profileName} profile) on {dev}; output in {options.OutputFolder}");
            var outcome = Execute(catalog, definition, options);
            ResultsSummary.Print(outcome);
            return outcome.Results.Claims.All(c => c.Passed) ? 0 : 1;
        });
        return command;
    }

    private static RunOutcome Execute(ExperimentCatalog catalog, Experiment experiment, RunOptions options)
    {
        var dataProgress = new Progress<DataProgress>(p => Console.Error.WriteLine($"fetching {p.FileName} from {p.Source}: {p.BytesDone / 1024} KiB"));
        if (!Interactive.IsTerminal)
        {
            return new ExperimentRunner(catalog, new PlainTextProgress(Console.Out), dataProgress).Run(experiment, options);
        }

        RunOutcome? outcome = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => outcome = new ExperimentRunner(catalog, new LiveTrainingProgress(context), dataProgress).Run(experiment, options));
        return outcome!;
    }
}
