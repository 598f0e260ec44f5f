using System.CommandLine;
using LaVae.Experiments;
using LaVae.Reports.Images;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae accept</c>: promote received snapshot images to verified ones.</summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder") { Description = "Snapshot folder (default: baselines/snapshots).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("accept", "Replace each *.verified.png by its *.received.png (after you looked at them).") { folder };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(folder) ?? Path.Combine(RepositoryRoot.Find(Directory.GetCurrentDirectory()), "baselines", "snapshots");
            var accepted = SnapshotVerifier.Accept(target);
            foreach (var file in accepted)
            {
                Console.WriteLine($"accepted {file}");
            }

            Console.WriteLine(accepted.Count == 0 ? $"nothing to accept under {target}" : $"{accepted.Count} snapshot(s) accepted");
            return 0;
        });
        return command;
    }
}
