using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>A LAVAE latent space: encoder, decoder 0 and the maps L1, L2 of its pair (stages 1 and 2).</summary>
internal sealed class LavaeKind : IModelKind
{
    public string Name => "lavae";

    public string DisplayName => "LAVAE";

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.Stage1Epochs, Setting.Stage2Epochs];

    public string FinalStage => "stage2";

    public IReadOnlyList<Setting> Identity { get; } = KindIdentity.Common(Setting.KlWeight, Setting.InvolutoryWeight, Setting.TrainImages, Setting.Stage1Epochs, Setting.Stage2Epochs);

    public nn.Module Train(ArtifactJob job) =>
        job.Trainers.TrainLavae(job.Spec.TrainingName, () => job.TrainSets(job.Spec.Pair), job.Spec.Pair, job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForLavae((Lavae)model);
}
