using System.CommandLine;
using LaVae.Experiments;
using Spectre.Console;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae list</c>: the experiments of this repository and their claims per profile.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List experiments and their claims.");
        command.SetAction(_ =>
        {
            var catalog = ExperimentCatalog.Load(RepositoryRoot.Find(Directory.GetCurrentDirectory()));
            foreach (var experiment in catalog.Experiments)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(experiment.Id)}[/]: {Markup.Escape(experiment.Title)} [grey]({Markup.Escape(experiment.PaperReference)}; {Markup.Escape(experiment.SourcePath)})[/]");
                foreach (var claim in experiment.Claims)
                {
                    var what = string.IsNullOrEmpty(claim.Description) ? string.Join(", ", claim.Metrics) : claim.Description;
                    AnsiConsole.MarkupLine($"  {Markup.Escape(claim.Id)} [grey][[{Markup.Escape(string.Join(", ", claim.Profiles))}]][/] {Markup.Escape(what)}");
                }
            }

            return 0;
        });
        return command;
    }
}
