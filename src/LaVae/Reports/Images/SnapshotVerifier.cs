using System.Globalization;

namespace LaVae.Reports.Images;

/// <summary>
/// Compares images with reviewed snapshots, <c>&lt;folder&gt;/&lt;name&gt;.verified.png</c>, within a
/// tolerance. On a mismatch it writes <c>&lt;name&gt;.received.png</c> (and, where the sizes agree,
/// <c>&lt;name&gt;.diff.png</c>) beside the snapshot for a person to look at and, if right, accept.
/// </summary>
public sealed class SnapshotVerifier(string folder, SnapshotTolerance tolerance)
{
    private const string VerifiedSuffix = ".verified.png";
    private const string ReceivedSuffix = ".received.png";
    private const string DiffSuffix = ".diff.png";

    public SnapshotResult Verify(string name, RasterImage received)
    {
        ArgumentNullException.ThrowIfNull(received);
        string verifiedPath = Path.Combine(folder, name + VerifiedSuffix);
        string receivedPath = Path.Combine(folder, name + ReceivedSuffix);
        string diffPath = Path.Combine(folder, name + DiffSuffix);
        string howToAccept = $"If the received image is right, accept it with `lavae accept {folder}` or copy {receivedPath} over {verifiedPath}.";

        if (!File.Exists(verifiedPath))
        {
            WriteReceived(received, receivedPath, diffPath, difference: null);
            return new SnapshotResult(false, $"{name}: there is no verified snapshot {verifiedPath} yet; wrote {receivedPath}. {howToAccept}", null, null);
        }

        var verified = PngReader.Read(verifiedPath);
        if (verified.Shape != received.Shape)
        {
            WriteReceived(received, receivedPath, diffPath, difference: null);
            return new SnapshotResult(
                false, $"{name}: received a {received.Shape} image, the verified snapshot {verifiedPath} is {verified.Shape}; wrote {receivedPath}. {howToAccept}", null, null);
        }

        var difference = ImageDifference.Between(received, verified, tolerance.PixelThreshold);
        string measured = string.Create(
            CultureInfo.InvariantCulture,
            $"mean |difference| {difference.MeanAbsolute:0.###} gray levels (allowed {tolerance.MaxMeanAbsoluteDifference:0.###}), "
            + $"{difference.FractionAboveThreshold:0.###%} of pixels differ by more than {tolerance.PixelThreshold} (allowed {tolerance.MaxFractionAboveThreshold:0.###%}), "
            + $"largest difference {difference.Largest}");
        bool matched = difference.MeanAbsolute <= tolerance.MaxMeanAbsoluteDifference
            && difference.FractionAboveThreshold <= tolerance.MaxFractionAboveThreshold;
        if (matched)
        {
            // Files left by an earlier mismatch are stale now; accepting them would undo this pass.
            File.Delete(receivedPath);
            File.Delete(diffPath);
            return new SnapshotResult(true, $"{name} matches {verifiedPath}: {measured}.", difference.MeanAbsolute, difference.FractionAboveThreshold);
        }

        WriteReceived(received, receivedPath, diffPath, difference.Picture);
        return new SnapshotResult(
            false,
            $"{name} differs from {verifiedPath}: {measured}. Wrote {receivedPath} and {diffPath} (white = the largest difference). {howToAccept}",
            difference.MeanAbsolute,
            difference.FractionAboveThreshold);
    }

    /// <summary>
    /// Promotes every <c>*.received.png</c> under <paramref name="folder"/> (subfolders included)
    /// to <c>*.verified.png</c> and deletes its diff image; returns the snapshots it wrote.
    /// </summary>
    public static IReadOnlyList<string> Accept(string folder)
    {
        var accepted = new List<string>();
        foreach (string received in Directory.EnumerateFiles(folder, "*" + ReceivedSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string stem = received[..^ReceivedSuffix.Length];
            File.Move(received, stem + VerifiedSuffix, overwrite: true);
            File.Delete(stem + DiffSuffix);
            accepted.Add(stem + VerifiedSuffix);
        }

        return accepted;
    }

    /// <summary>A diff from an earlier mismatch is deleted when there is no new one: it would describe another image.</summary>
    private static void WriteReceived(RasterImage received, string receivedPath, string diffPath, RasterImage? difference)
    {
        PngWriter.Write(receivedPath, received);
        if (difference is null)
        {
            File.Delete(diffPath);
        }
        else
        {
            PngWriter.Write(diffPath, difference);
        }
    }
}
