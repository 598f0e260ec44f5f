using LaVae.Reports.Images;
using LaVae.Tests.Unit.Support;

namespace LaVae.Tests.Unit.Images;

public sealed class SnapshotVerifierTests : IDisposable
{
    private static readonly SnapshotTolerance Tolerance = new(MaxMeanAbsoluteDifference: 1, PixelThreshold: 5, MaxFractionAboveThreshold: 0.1);
    private static readonly RasterImage Black = RasterImage.Gray(2, 2, [0, 0, 0, 0]);

    private readonly TempFolder _folder = new();
    private readonly SnapshotVerifier _verifier;

    public SnapshotVerifierTests() => _verifier = new SnapshotVerifier(_folder.Path, Tolerance);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_a_verified_snapshot_the_image_is_written_as_received_and_fails()
    {
        var result = _verifier.Verify("grid", Black);

        result.Matched.Should().BeFalse();
        result.Message.Should().Contain($"no verified snapshot {_folder.File("grid.verified.png")}")
            .And.Contain($"`lavae accept {_folder.Path}`")
            .And.Contain($"copy {_folder.File("grid.received.png")} over {_folder.File("grid.verified.png")}");
        PngReader.Read(_folder.File("grid.received.png")).Pixels.Should().Equal(Black.Pixels);
        _folder.AllFiles().Should().Equal("grid.received.png");
    }

    [Fact]
    public void An_identical_image_matches_and_clears_files_a_past_mismatch_left()
    {
        PngWriter.Write(_folder.File("grid.verified.png"), Black);
        File.WriteAllText(_folder.File("grid.received.png"), "stale");
        File.WriteAllText(_folder.File("grid.diff.png"), "stale");

        var result = _verifier.Verify("grid", Black);

        result.Matched.Should().BeTrue(result.Message);
        result.MeanAbsoluteDifference.Should().Be(0);
        _folder.AllFiles().Should().Equal("grid.verified.png");
    }

    [Fact]
    public void Differences_within_the_tolerance_match()
    {
        PngWriter.Write(_folder.File("grid.verified.png"), Black);

        var result = _verifier.Verify("grid", RasterImage.Gray(2, 2, [1, 0, 3, 0]));

        result.Matched.Should().BeTrue(result.Message);
        result.MeanAbsoluteDifference.Should().Be(1);
        result.FractionAboveThreshold.Should().Be(0);
    }

    [Fact]
    public void Differences_beyond_the_tolerance_fail_saying_by_how_much_and_write_received_and_diff()
    {
        PngWriter.Write(_folder.File("grid.verified.png"), Black);
        var received = RasterImage.Gray(2, 2, [0, 2, 0, 10]);

        var result = _verifier.Verify("grid", received);

        result.Matched.Should().BeFalse();
        result.MeanAbsoluteDifference.Should().Be(3);
        result.FractionAboveThreshold.Should().Be(0.25);
        result.Message.Should().Contain(
            "mean |difference| 3 gray levels (allowed 1), 25% of pixels differ by more than 5 (allowed 10%), largest difference 10")
            .And.Contain("`lavae accept ");
        PngReader.Read(_folder.File("grid.received.png")).Pixels.Should().Equal(received.Pixels);
        PngReader.Read(_folder.File("grid.diff.png")).Pixels.Should().Equal([0, 51, 0, 255], because: "the largest difference (10) is white");
    }

    [Fact]
    public void An_image_of_another_size_fails_naming_both_sizes()
    {
        PngWriter.Write(_folder.File("grid.verified.png"), Black);

        var result = _verifier.Verify("grid", RasterImage.Rgb(2, 2, new byte[12]));

        result.Matched.Should().BeFalse();
        result.Message.Should().Contain("received a 2x2 RGB image, the verified snapshot").And.Contain("is 2x2 gray");
        result.MeanAbsoluteDifference.Should().BeNull();
        _folder.AllFiles().Should().Equal("grid.received.png", "grid.verified.png");
    }

    [Fact]
    public void Accept_promotes_every_received_image_and_deletes_the_diffs()
    {
        PngWriter.Write(_folder.File("grid.verified.png"), Black);
        var changed = RasterImage.Gray(2, 2, [9, 9, 9, 9]);
        _verifier.Verify("grid", changed);
        var nested = new SnapshotVerifier(Path.Combine(_folder.Path, "stage2"), Tolerance);
        nested.Verify("latents", changed);

        var accepted = SnapshotVerifier.Accept(_folder.Path);

        accepted.Should().Equal(_folder.File("grid.verified.png"), Path.Combine(_folder.Path, "stage2", "latents.verified.png"));
        _folder.AllFiles().Should().Equal("grid.verified.png", Path.Combine("stage2", "latents.verified.png"));
        _verifier.Verify("grid", changed).Matched.Should().BeTrue();
        nested.Verify("latents", changed).Matched.Should().BeTrue();
    }
}
