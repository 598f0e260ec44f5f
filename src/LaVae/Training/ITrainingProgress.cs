namespace LaVae.Training;

/// <summary>Receives training progress; the CLI renders it (a live bar when interactive, plain lines in CI).</summary>
public interface ITrainingProgress
{
    void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch);

    void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss);

    /// <summary>An epoch's mean loss per example and each term's (<see cref="StageLoss"/>), as the training curves record them.</summary>
    void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed);

    void StageSkipped(string model, StagePlan stage, string reason);

    /// <summary>Something the user should know that does not stop training, in one line (a damaged checkpoint set aside).</summary>
    void Notice(string message);
}

/// <summary>One plain line per epoch: what CI logs show.</summary>
public sealed class PlainTextProgress(TextWriter output) : ITrainingProgress
{
    public void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var resumed = firstEpoch > 0 ? $", resuming after epoch {firstEpoch}" : "";
        output.WriteLine(FormattableString.Invariant($"[{model}/{stage.Name}] {stage.Epochs} epochs x {batchesPerEpoch} batches{resumed}"));
    }

    public void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss)
    {
    }

    public void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(terms);
        var parts = terms.Count > 1 ? $" ({string.Join(", ", terms.Select(t => FormattableString.Invariant($"{t.Key} {t.Value:G5}")))})" : "";
        output.WriteLine(FormattableString.Invariant($"[{model}/{stage.Name}] epoch {epoch + 1}/{stage.Epochs} loss {meanLoss:F3}{parts} ({elapsed.TotalSeconds:F1} s)"));
    }

    public void StageSkipped(string model, StagePlan stage, string reason)
    {
        ArgumentNullException.ThrowIfNull(stage);
        output.WriteLine($"[{model}/{stage.Name}] skipped: {reason}");
    }

    public void Notice(string message) => output.WriteLine($"notice: {message}");
}
