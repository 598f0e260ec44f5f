using System.Buffers.Binary;
using LaVae.Artifacts;
using LaVae.Reports;
using LaVae.Tests.Unit.Experiments;

namespace LaVae.Tests.Unit.Reports;

/// <summary>
/// <c>--tensorboard</c>'s event files, read back as TensorBoard reads them: TFRecords (length, its
/// CRC, an Event protobuf, its CRC) whose summaries carry "stage/term" scalars with the epoch as step.
/// </summary>
public sealed class TensorBoardExportTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Each_part_gets_a_run_folder_with_one_scalar_per_stage_term_and_epoch()
    {
        var results = WithCurves();

        var parts = TensorBoardExport.Write(folder.Path, results);

        parts.Should().Be(1, "a part that recorded no curve gets no folder");
        var partFolder = Path.Combine(folder.Path, results.ExperimentId, "lavae-flip_lr,flip_ud-seed1-0123abcd");
        var scalars = Scalars(partFolder);
        scalars.Should().BeEquivalentTo(new[]
        {
            ("stage1/loss", 1L, 150f), ("stage1/loss", 2L, 120f), ("stage1/bce", 1L, 130f), ("stage1/bce", 2L, 100f),
            ("stage2/loss", 1L, 0.5f),
        });
    }

    [Fact]
    public void Writing_again_replaces_a_parts_events_instead_of_repeating_them()
    {
        var results = WithCurves();
        TensorBoardExport.Write(folder.Path, results);

        TensorBoardExport.Write(folder.Path, results);

        Scalars(Path.Combine(folder.Path, results.ExperimentId, "lavae-flip_lr,flip_ud-seed1-0123abcd")).Should().HaveCount(5);
    }

    private static LaVae.Experiments.RunResults WithCurves()
    {
        var results = ResultsFileTests.SampleResults("smoke", Samples.Metrics(("lavae.bce.compose", 80), ("cvae_auginv.bce.compose", 299.12)));
        PartCurves[] curves =
        [
            new("LAVAE on flip_lr,flip_ud (seed 1)", "lavae", "flip_lr,flip_ud", 1, "0123abcdef",
                new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>>
                {
                    ["stage1"] = new Dictionary<string, IReadOnlyList<double>> { ["loss"] = [150, 120], ["bce"] = [130, 100] },
                    ["stage2"] = new Dictionary<string, IReadOnlyList<double>> { ["loss"] = [0.5] },
                }),
            new("CVAE_Trad on flip_lr,flip_ud (seed 1)", "cvae_trad", "flip_lr,flip_ud", 1, "fedcba9876", new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>>()),
        ];
        return results with { Measurements = results.Measurements with { Curves = curves } };
    }

    private static List<(string Tag, long Step, float Value)> Scalars(string partFolder)
    {
        var files = Directory.GetFiles(partFolder, "events.out.tfevents.*");
        files.Should().ContainSingle();
        var bytes = File.ReadAllBytes(files[0]);
        var scalars = new List<(string, long, float)>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset));
            var data = bytes.AsSpan(offset + 12, length).ToArray();
            offset += 12 + length + 4;
            var entry = Tensorboard.Event.Parser.ParseFrom(data);
            if (entry.Summary is null)
            {
                continue; // the file's first record names its format version
            }

            scalars.AddRange(entry.Summary.Value.Select(value => (value.Tag, entry.Step, value.SimpleValue)));
        }

        return scalars;
    }
}
