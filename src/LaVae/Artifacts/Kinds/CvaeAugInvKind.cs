using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>The CVAE baseline trained augmentation-invariantly: x0 in, A_k(x0) out for class k.</summary>
internal sealed class CvaeAugInvKind : IModelKind
{
    public string Name => "cvae_auginv";

    public string DisplayName => "CVAE_AugInv";

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.CvaeEpochs];

    public string FinalStage => "cvae";

    public IReadOnlyList<Setting> Identity => KindIdentity.Cvae;

    public nn.Module Train(ArtifactJob job) =>
        job.Trainers.TrainCvae(job.Spec.TrainingName, () => job.TrainSets(job.Spec.Pair), augmentationInvariant: true, job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForCvae((Cvae)model);
}
