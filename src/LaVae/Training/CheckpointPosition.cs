using System.Globalization;

namespace LaVae.Training;

/// <summary>
/// The position a checkpoint's metadata records, checked against the stages of the model loading it.
/// A checkpoint edited by hand or written for other settings can be well-formed and still say
/// something this model cannot resume from; each such problem is named so the file can be set aside
/// with a reason instead of failing every run that finds it.
/// </summary>
internal static class CheckpointPosition
{
    /// <exception cref="InvalidDataException">The metadata lacks a field or records a position <paramref name="stages"/> do not have.</exception>
    public static TrainingPosition Read(IReadOnlyDictionary<string, string> metadata, IReadOnlyList<StagePlan> stages)
    {
        var name = metadata.GetValueOrDefault("stage") ?? throw Unusable("it records no stage");
        var stage = stages.FirstOrDefault(s => s.Name == name)
            ?? throw Unusable($"stage is \"{name}\", which this model does not have (its stages: {string.Join(", ", stages.Select(s => s.Name))})");

        var epochsText = metadata.GetValueOrDefault("epochs_done") ?? throw Unusable("it records no epochs_done");
        if (!int.TryParse(epochsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epochs))
        {
            throw Unusable($"epochs_done is \"{epochsText}\", not a whole number");
        }

        if (epochs < 0)
        {
            throw Unusable($"epochs_done is {epochs}, below 0");
        }

        if (epochs > stage.Epochs)
        {
            throw Unusable($"epochs_done is {epochs}, more than the {stage.Epochs} epochs of stage {stage.Name}");
        }

        var complete = metadata.GetValueOrDefault("stage_complete") switch
        {
            "true" => true,
            "false" => false,
            var other => throw Unusable($"stage_complete is {(other is null ? "missing" : $"\"{other}\"")}, not true or false"),
        };
        if (complete && epochs != stage.Epochs)
        {
            throw Unusable($"stage {stage.Name} is marked complete after {epochs} of its {stage.Epochs} epochs");
        }

        return new TrainingPosition(stage.Name, epochs, complete);
    }

    /// <summary>
    /// Whether the metadata records <paramref name="finalStage"/>, a model's last stage, complete after its
    /// <paramref name="epochs"/>: stages run in order, so every stage before it finished too.
    /// </summary>
    public static bool Finished(IReadOnlyDictionary<string, string> metadata, string finalStage, int epochs) =>
        metadata.GetValueOrDefault("stage") == finalStage
        && metadata.GetValueOrDefault("stage_complete") == "true"
        && metadata.GetValueOrDefault("epochs_done") == epochs.ToString(CultureInfo.InvariantCulture);

    private static InvalidDataException Unusable(string problem) => new(problem);
}
