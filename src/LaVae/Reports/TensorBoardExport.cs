using LaVae.Artifacts;
using LaVae.Experiments;

namespace LaVae.Reports;

/// <summary>
/// Writes a run's training curves as TensorBoard event files (TorchSharp's SummaryWriter), one run
/// folder per trained part under &lt;dir&gt;/&lt;experiment&gt;/, a scalar "&lt;stage&gt;/&lt;term&gt;" per loss term
/// with the epoch as its step, so <c>tensorboard --logdir DIR</c> shows every part of every run written there.
/// </summary>
public static class TensorBoardExport
{
    private const string EventFilePrefix = "events.out.tfevents.";

    /// <summary>Writes <paramref name="results"/>' curves under <paramref name="folder"/>; returns how many parts were written.</summary>
    public static int Write(string folder, RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var written = 0;
        foreach (var part in results.Measurements.Curves.Where(part => part.Stages.Count > 0))
        {
            var partFolder = Path.Combine(folder, results.ExperimentId, FolderName(part));
            Directory.CreateDirectory(partFolder);
            // A part written again replaces its events, so TensorBoard shows each epoch once.
            foreach (var stale in Directory.EnumerateFiles(partFolder, EventFilePrefix + "*"))
            {
                File.Delete(stale);
            }

            var writer = torch.utils.tensorboard.SummaryWriter(partFolder);
            foreach (var (stage, terms) in part.Stages)
            {
                foreach (var (term, values) in terms)
                {
                    for (var epoch = 0; epoch < values.Count; epoch++)
                    {
                        writer.add_scalar($"{stage}/{term}", (float)values[epoch], epoch + 1);
                    }
                }
            }

            written++;
        }

        return written;
    }

    /// <summary>A part's folder: its kind, pair, seed and short key, e.g. "lavae-flip_lr,flip_ud-seed1-79b522d7".</summary>
    public static string FolderName(PartCurves part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var pair = part.Pair.Length == 0 ? "" : $"-{part.Pair}";
        return $"{part.Kind}{pair}-seed{part.Seed}-{part.Key[..Math.Min(8, part.Key.Length)]}";
    }
}
