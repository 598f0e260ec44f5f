using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// CSVAE (Klys et al. 2018): z made uninformative of the labels (A1 applied, A2 applied) by an
/// adversary, w a subspace per label; trained on the four aligned sets for the CVAEs' epochs.
/// </summary>
internal sealed class CsvaeKind : IModelKind
{
    public string Name => "csvae";

    public string DisplayName => "CSVAE";

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.CvaeEpochs];

    public string FinalStage => "csvae";

    public IReadOnlyList<Setting> Identity => KindIdentity.Csvae;

    public nn.Module Train(ArtifactJob job) =>
        job.Trainers.TrainCsvae(job.Spec.TrainingName, () => job.TrainSets(job.Spec.Pair), job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForCsvae((Csvae)model);
}
