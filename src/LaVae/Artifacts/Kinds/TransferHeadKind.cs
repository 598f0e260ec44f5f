using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>A transfer decoder head (stage 3) for a target pair over a frozen LAVAE latent space.</summary>
internal sealed class TransferHeadKind : IModelKind
{
    public string Name => "transfer_head";

    public string DisplayName => "Transfer head";

    public bool NeedsSource => true;

    // The latent space's own settings enter the key through its key (ArtifactSpec.Source).
    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.Stage3Epochs];

    public string FinalStage => "stage3";

    public IReadOnlyList<Setting> Identity { get; } = KindIdentity.Common(Setting.TrainImages, Setting.Stage3Epochs);

    public nn.Module Train(ArtifactJob job) => job.Trainers.TrainTransferHead(
        job.Spec.TrainingName,
        job.SourceLatents ?? throw new InvalidOperationException($"{job.Spec.Describe()} was given no latent space"),
        () => job.TrainSets(job.Spec.Pair),
        job.CheckpointPath,
        job.Spec.TrainsComposition);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) =>
        TableOneColumns.ForTransferHead((Lavae)(source ?? throw new ArgumentNullException(nameof(source))), (ConvDecoder)model);
}
