using System.CommandLine;
using LaVae.Experiments;
using LaVae.Reports;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae report</c>: one Markdown + HTML report over every results.json under runs/.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Option<string?>("--runs") { Description = "Folder searched for results.json files (default: runs/)." };
        var output = new Option<string?>("--out") { Description = "Report folder (default: the runs folder)." };
        var command = new Command("report", "Write report.md and report.html: an index of every run and of every claim with its verdict, then per run its claims, metric tables and captioned figures.")
        {
            runs, output,
        };
        command.SetAction(parse =>
        {
            var folder = CommonOptions.NonEmptyPath(parse.GetValue(runs), "--runs") ?? Path.Combine(RepositoryRoot.Find(Directory.GetCurrentDirectory()), "runs");
            var results = Directory.Exists(folder)
                ? Directory.GetFiles(folder, Experiments.ResultsFile.FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : [];
            if (results.Count == 0)
            {
                throw new UserInputException($"no {Experiments.ResultsFile.FileName} under {folder}; run an experiment first (lavae run experiments/table1-flips.yaml)");
            }

            var files = ReportWriter.Write(CommonOptions.NonEmptyPath(parse.GetValue(output), "--out") ?? folder, results);
            foreach (var note in files.Skipped)
            {
                Console.Error.WriteLine($"lavae: {note}");
            }

            Console.WriteLine($"{results.Count - files.Skipped.Count} run(s) reported: {files.Markdown} and {files.Html}");
            return 0;
        });
        return command;
    }
}
