using System.CommandLine;
using LaVae.Experiments;
using Spectre.Console;

namespace LaVae.Cli.Commands;

/// <summary>
/// <c>lavae list</c>: the experiments of this repository and their claims per profile; then one line per
/// experiment file that does not parse, and exit code 2 if there is one. <c>--files</c> prints only each
/// experiment's file, one a line, for scripts (CI, the GPU workflow) that run them all; with
/// <c>--profile P</c> only those with a claim or snapshot under P (the budget ladder has none under smoke).
/// </summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var files = new Option<bool>("--files") { Description = "Print only each experiment's file (experiments/<id>.yaml), one a line." };
        var profile = new Option<string?>("--profile") { Description = "Only experiments with a claim or snapshot under this profile." };
        var command = new Command("list", "List experiments and their claims.") { files, profile };
        command.SetAction(parse =>
        {
            var catalog = ExperimentCatalog.LoadEach(RepositoryRoot.Find(Directory.GetCurrentDirectory()));
            var only = parse.GetValue(profile);
            foreach (var experiment in catalog.Experiments.Where(e => only is null || e.Claims.Any(c => c.Profiles.Contains(only)) || e.Snapshots.Any(s => s.Profiles.Contains(only))))
            {
                if (parse.GetValue(files))
                {
                    Console.WriteLine(experiment.SourcePath);
                    continue;
                }

                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(experiment.Id)}[/]: {Markup.Escape(experiment.Title)} [grey]({Markup.Escape(experiment.PaperReference)}; {Markup.Escape(experiment.SourcePath)})[/]");
                foreach (var claim in experiment.Claims)
                {
                    var what = string.IsNullOrEmpty(claim.Description) ? string.Join(", ", claim.Metrics) : claim.Description;
                    AnsiConsole.MarkupLine($"  {Markup.Escape(claim.Id)} [grey][[{Markup.Escape(string.Join(", ", claim.Profiles))}]][/] {Markup.Escape(what)}");
                }
            }

            // The files that do not parse are named after the others are listed, so one typo hides nothing.
            foreach (var error in catalog.Broken)
            {
                Console.Error.WriteLine($"lavae: {error.Message}");
            }

            return catalog.Broken.Count == 0 ? 0 : 2;
        });
        return command;
    }
}
