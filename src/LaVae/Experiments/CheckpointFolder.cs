using LaVae.IO;

namespace LaVae.Experiments;

/// <summary>
/// The checkpoints of a run folder belong to one run key (recorded in checkpoints/run-key). When
/// the experiment's settings change, the old run's checkpoints are set aside as checkpoints-&lt;key&gt;
/// instead of blocking the new run or being deleted; going back to those settings moves them back,
/// so the old run resumes or re-measures from them.
/// </summary>
internal static class CheckpointFolder
{
    private const string KeyFile = "run-key";
    private const int ShortKey = 12;

    /// <summary>Makes <c>checkpoints/</c> the folder of <paramref name="key"/>'s run and returns it.</summary>
    public static string Prepare(string outputFolder, RunKey key)
    {
        var current = Path.Combine(outputFolder, ExperimentRunner.CheckpointsFolder);
        var keyFile = Path.Combine(current, KeyFile);
        var owner = File.Exists(keyFile) ? File.ReadAllText(keyFile).Trim() : null;
        if (owner is not null && owner != key.Value)
        {
            var aside = AsideFolder(outputFolder, owner);
            if (Directory.Exists(aside))
            {
                Directory.Delete(aside, recursive: true); // an older copy of the same run's checkpoints
            }

            Directory.Move(current, aside);
        }

        var own = AsideFolder(outputFolder, key.Value);
        if (!Directory.Exists(current) && Directory.Exists(own))
        {
            Directory.Move(own, current);
        }

        Directory.CreateDirectory(current);
        AtomicFile.WriteAllText(keyFile, key.Value);
        return current;
    }

    private static string AsideFolder(string outputFolder, string key) =>
        Path.Combine(outputFolder, $"{ExperimentRunner.CheckpointsFolder}-{key[..Math.Min(ShortKey, key.Length)]}");
}
