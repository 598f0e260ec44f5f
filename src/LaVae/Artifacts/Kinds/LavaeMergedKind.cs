using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// The paper's second ablation (Section IV-B): stages 1 and 2 merged into one stage of stage 1's epochs
/// with summed losses, encoder, decoder 0 and the linear maps L1, L2 trained together
/// (<see cref="LavaeStages.Merged"/>). The paper reports that this degraded the results.
/// </summary>
internal sealed class LavaeMergedKind : IModelKind
{
    public string Name => "lavae_merged";

    public string DisplayName => "LAVAE (stages merged)";

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.Stage1Epochs];

    public string FinalStage => "merged";

    public IReadOnlyList<Setting> Identity { get; } = KindIdentity.Common(Setting.KlWeight, Setting.InvolutoryWeight, Setting.TrainImages, Setting.Stage1Epochs);

    public nn.Module Train(ArtifactJob job) =>
        job.Trainers.TrainLavaeMerged(job.Spec.TrainingName, () => job.TrainSets(job.Spec.Pair), job.Spec.Pair, job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForLavae((Lavae)model);
}
