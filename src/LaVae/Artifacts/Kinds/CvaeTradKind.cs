using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>The CVAE baseline trained traditionally: each image given its own augmentation class.</summary>
internal sealed class CvaeTradKind : IModelKind
{
    public string Name => "cvae_trad";

    public string DisplayName => "CVAE_Trad";

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.CvaeEpochs];

    public string FinalStage => "cvae";

    public IReadOnlyList<Setting> Identity => KindIdentity.Cvae;

    public nn.Module Train(ArtifactJob job) =>
        job.Trainers.TrainCvae(job.Spec.TrainingName, () => job.TrainSets(job.Spec.Pair), augmentationInvariant: false, job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForCvae((Cvae)model);
}
