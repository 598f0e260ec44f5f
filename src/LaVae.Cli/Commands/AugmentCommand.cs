using System.CommandLine;
using LaVae.Augmentations;
using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Reports.Images;
using LaVae.Torch;

namespace LaVae.Cli.Commands;

/// <summary>
/// <c>lavae augment &lt;A1,A2&gt;</c>: the four aligned sets of the first N test digits, as an image
/// grid (one row per set, as the paper's Fig. 12) or as MNIST-format IDX files for other tools.
/// </summary>
internal static class AugmentCommand
{
    /// <summary>A grid row of more digits is wider than a screen, and the whole test set made a 31 MB PNG.</summary>
    private const int MaxPngDigits = 100;

    public static Command Create()
    {
        var pair = new Argument<string>("pair") { Description = "Two augmentations, A1 first: e.g. flip_lr,flip_ud." };
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
            var names = parse.GetValue(pair)!.Split(',', StringSplitOptions.TrimEntries);
            if (names.Length != 2)
            {
                throw new UserInputException($"'{parse.GetValue(pair)}' is not a pair: write two augmentations separated by a comma, e.g. flip_lr,flip_ud");
            }

            if (names.FirstOrDefault(name => !AugmentationRegistry.Names.Contains(name, StringComparer.Ordinal)) is { } unknown)
            {
                throw new UserInputException($"unknown augmentation '{unknown}' (known: {string.Join(", ", AugmentationRegistry.Names)})");
            }

            if (names[0] == names[1])
            {
                throw new UserInputException($"'{parse.GetValue(pair)}' names {names[0]} twice; a pair is two different augmentations, e.g. flip_lr,flip_ud");
            }

            var augmentations = AugmentationRegistry.Pair(names[0], names[1]);
            var png = parse.GetValue(format) == "png";
            var target = CommonOptions.NonEmptyPath(parse.GetValue(output), "--out")!;
            var name = CommonOptions.ParseDataset(parse.GetValue(dataset)!, "--dataset");
            var n = CommonOptions.InRange(parse.GetValue(count), "--count", 1, png ? MaxPngDigits : PublishedDatasets.ImagesIn(name, Split.Test));
            var split = DatasetStore.Open().Load(name, Split.Test);
            using var scope = NewDisposeScope();
            var originals = tensor(split.Images.Pixels[..(n * 784)], new long[] { n, 28, 28 });
            using var sets = augmentations.Apply(originals, parse.GetValue(seed));
            if (!png)
            {
                var setNames = augmentations.SetNames;
                for (var k = 0; k < 4; k++)
                {
                    var file = Path.Combine(target, $"{(k == 3 ? "compose" : setNames[k])}.idx");
                    IdxFile.WriteImages(file, new IdxImages(sets[(Models.AugClass)k].contiguous().ToArray<byte>(), n, 28, 28));
                    Console.WriteLine($"wrote {file}");
                }
            }
            else
            {
                var rows = Enumerable.Range(0, 4).Select(k => ReconstructionGrid.Tiles(sets[(Models.AugClass)k])).ToList();
                PngWriter.Write(target, ImageGrid.Gray(rows, 28, 28, new GridStyle(Scale: 3)));
                Console.WriteLine($"wrote {target}: rows {string.Join(", ", augmentations.SetNames)}");
            }

            return 0;
        });
        return command;
    }
}
