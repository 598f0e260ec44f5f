using System.CommandLine;
using LaVae.Experiments;
using LaVae.Reports.Images;

namespace LaVae.Cli.Commands;

/// <summary>
/// <c>lavae accept</c>: promote received snapshot images to verified ones, only inside this repository:
/// it replaces files under the folder it walks, so a folder outside the repository (another project's
/// snapshots, or '/', whose walk is the whole filesystem) is refused rather than searched.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "Snapshot folder inside this repository (default: baselines/snapshots); folders outside it are refused.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("accept", "Replace each *.verified.png by its *.received.png (after you looked at them), under a folder of this repository.") { folder };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
            var target = InsideRepository(CommonOptions.NonEmptyPath(parse.GetValue(folder), "folder") ?? Path.Combine(root, "baselines", "snapshots"), root);
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

    // '..' is resolved first, so 'baselines/../../other' is judged where it really points.
    private static string InsideRepository(string folder, string root)
    {
        var full = Path.GetFullPath(folder);
        if (!CommonOptions.IsWithin(full, root))
        {
            throw new UserInputException($"accept: {full} is outside the repository {Path.GetFullPath(root)}; accept replaces snapshots of this repository only");
        }

        return full;
    }
}
