namespace LaVae.Reports.Images;

/// <summary>
/// The outcome of a snapshot comparison. The differences are null when no comparison was
/// possible (no verified snapshot yet, or one of another size).
/// </summary>
public sealed record SnapshotResult(bool Matched, string Message, double? MeanAbsoluteDifference, double? FractionAboveThreshold);
