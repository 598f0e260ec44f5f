using System.CommandLine;
using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Reports.Images;
using LaVae.Torch;
using LaVae.DataFetching;

namespace LaVae.Cli.Commands;

/// <summary>
/// <c>lavae augment &lt;A1,A2 | experiment.yaml&gt;</c>: the four aligned sets of the first N test digits, as an image
/// grid (one row per set, as the paper's Fig. 12) or as MNIST-format IDX files for other tools.
/// </summary>
internal static class AugmentCommand
{
    /// <summary>A grid row of more digits is wider than a screen, and the whole test set made a 31 MB PNG.</summary>
    private const int MaxPngDigits = 100;

    public static Command Create()
    {
        var pair = new Argument<string>("pair") { Description = "Two of the paper's augmentations, A1 first (e.g. flip_lr,flip_ud), or an experiment file, whose pairs may use the augmentations it declares." };
        var count = new Option<int>("--count") { Description = $"Test digits to augment: up to {MaxPngDigits} for png, the whole test set for idx.", DefaultValueFactory = _ => 10 };
        var output = new Option<string>("--out") { Description = "PNG file (png) or folder (idx).", Required = true };
        var format = new Option<string>("--format") { Description = "png or idx.", DefaultValueFactory = _ => "png" };
        format.AcceptOnlyFromAmong("png", "idx");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the augmentations' random draws.", DefaultValueFactory = _ => 1 };
        var dataset = new Option<string>("--dataset") { Description = "mnist or fashion-mnist.", DefaultValueFactory = _ => "mnist" };
        var command = new Command("augment", "Write the four aligned sets (orig, A1, A2, A2∘A1) of the first test digits.")
        {
            pair, count, output, format, seed, dataset,
        };
        command.SetAction(parse =>
        {
            var pairs = Pairs(parse.GetValue(pair)!);
            var png = parse.GetValue(format) == "png";
            if (!png && pairs.Count > 1)
            {
                throw new UserInputException($"{parse.GetValue(pair)} declares {pairs.Count} pairs; --format idx writes one pair's sets: name the pair, e.g. {string.Join(',', pairs[0].Names)}");
            }

            var target = CommonOptions.NonEmptyPath(parse.GetValue(output), "--out")!;
            var name = CommonOptions.ParseDataset(parse.GetValue(dataset)!, "--dataset");
            var n = CommonOptions.InRange(parse.GetValue(count), "--count", 1, png ? MaxPngDigits : PublishedDatasets.ImagesIn(name, Split.Test));
            var split = DatasetStore.Open().Load(name, Split.Test);
            using var scope = NewDisposeScope();
            var originals = tensor(split.Images.Pixels[..(n * 784)], new long[] { n, 28, 28 });
            if (!png)
            {
                var (names, augmentations) = pairs[0];
                using var sets = augmentations.Apply(originals, parse.GetValue(seed));
                for (var k = 0; k < 4; k++)
                {
                    var file = Path.Combine(target, $"{(k == 3 ? "compose" : SetNames(names)[k])}.idx");
                    IdxFile.WriteImages(file, new IdxImages(sets[(Models.AugClass)k].contiguous().ToArray<byte>(), n, 28, 28));
                    Console.WriteLine($"wrote {file}");
                }
            }
            else
            {
                var rows = new List<IReadOnlyList<byte[]>>();
                foreach (var (_, augmentations) in pairs)
                {
                    using var sets = augmentations.Apply(originals, parse.GetValue(seed));
                    rows.AddRange(Enumerable.Range(0, 4).Select(k => ReconstructionGrid.Tiles(sets[(Models.AugClass)k])));
                }

                PngWriter.Write(target, ImageGrid.Gray(rows, 28, 28, new GridStyle(Scale: 3)));
                Console.WriteLine($"wrote {target}: rows {string.Join("; ", pairs.Select(p => string.Join(", ", SetNames(p.Names))))}");
                foreach (var declared in pairs.SelectMany(p => p.Names).Distinct().Where(n => Definition(pairs, n) != n))
                {
                    Console.WriteLine($"  {declared} = {Definition(pairs, declared)}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// The pairs to show: "A1,A2" of the paper's augmentations, or an experiment (file or id: no comma), whose
    /// pairs may use the augmentations it declares.
    /// </summary>
    private static List<(IReadOnlyList<string> Names, AugmentationPair Pair)> Pairs(string argument)
    {
        if (!argument.Contains(',', StringComparison.Ordinal) || File.Exists(argument) || Directory.Exists(argument))
        {
            var (_, _, experiment) = CommonOptions.FindExperiment(argument);
            if (experiment.Pairs.Count == 0)
            {
                throw new UserInputException($"{argument} declares no pair (A1, A2) to show");
            }

            return [.. experiment.Pairs.Select(names =>
            {
                var defined = names.Select(name => experiment.Augmentations.TryGetValue(name, out var definition) ? definition : name).ToList();
                return (names, AugmentationRegistry.Pair(defined[0], defined[1]));
            })];
        }

        var paperNames = argument.Split(',', StringSplitOptions.TrimEntries);
        if (paperNames.Length != 2)
        {
            throw new UserInputException($"'{argument}' is not a pair: write two augmentations separated by a comma, e.g. flip_lr,flip_ud, or name an experiment file");
        }

        if (paperNames.FirstOrDefault(name => !AugmentationRegistry.Names.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            throw new UserInputException($"unknown augmentation '{unknown}' (known: {string.Join(", ", AugmentationRegistry.Names)}; a declared one is shown through its experiment file)");
        }

        if (paperNames[0] == paperNames[1])
        {
            throw new UserInputException($"'{argument}' names {paperNames[0]} twice; a pair is two different augmentations, e.g. flip_lr,flip_ud");
        }

        return [(paperNames, AugmentationRegistry.Pair(paperNames[0], paperNames[1]))];
    }

    private static IReadOnlyList<string> SetNames(IReadOnlyList<string> names) =>
        [AugmentationPair.OriginalName, names[0], names[1], $"{names[0]}+{names[1]}"];

    private static string Definition(List<(IReadOnlyList<string> Names, AugmentationPair Pair)> pairs, string name)
    {
        var (names, pair) = pairs.First(p => p.Names.Contains(name));
        return names[0] == name ? pair.First.Name : pair.Second.Name;
    }
}
