namespace LaVae.Reports.Images;

/// <summary>
/// How far a received image may differ from its verified snapshot; training runs in floating
/// point, so images from two runs rarely agree to the last gray level. Both limits must hold.
/// </summary>
/// <param name="MaxMeanAbsoluteDifference">The mean |received - verified| over all samples, in gray levels (0 to 255).</param>
/// <param name="PixelThreshold">A pixel counts as differing when a channel differs by more than this many levels.</param>
/// <param name="MaxFractionAboveThreshold">The fraction (0 to 1) of pixels allowed to differ by more than <paramref name="PixelThreshold"/>.</param>
public sealed record SnapshotTolerance(double MaxMeanAbsoluteDifference, int PixelThreshold, double MaxFractionAboveThreshold)
{
    /// <summary>Every pixel must be identical.</summary>
    public static SnapshotTolerance Exact { get; } = new(0, 0, 0);
}
