using LaVae.Training;
using Spectre.Console;

namespace LaVae.Cli.Rendering;

/// <summary>A Spectre.Console bar per training stage, with the running loss and the ETA.</summary>
internal sealed class LiveTrainingProgress(ProgressContext context) : ITrainingProgress
{
    private ProgressTask? task;

    public void StageStarted(string model, StagePlan stage, int firstEpoch, int batchesPerEpoch)
    {
        task = context.AddTask(Markup.Escape($"{model}/{stage.Name}"), maxValue: (double)stage.Epochs * batchesPerEpoch);
        task.Value = (double)firstEpoch * batchesPerEpoch;
    }

    public void BatchDone(string model, StagePlan stage, int epoch, int batch, double loss)
    {
        if (task is null)
        {
            return;
        }

        task.Increment(1);
        task.Description = Markup.Escape(FormattableString.Invariant($"{model}/{stage.Name} epoch {epoch + 1}/{stage.Epochs} loss {loss:F2}"));
    }

    public void EpochDone(string model, StagePlan stage, int epoch, double meanLoss, IReadOnlyList<KeyValuePair<string, double>> terms, TimeSpan elapsed)
    {
    }

    public void StageSkipped(string model, StagePlan stage, string reason) =>
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape($"{model}/{stage.Name}")}: {Markup.Escape(reason)}[/]");

    public void Notice(string message) => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
}
