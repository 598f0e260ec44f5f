using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// The plain VAE reference: the ELBO on the original images only, for stage 1's epochs. It reads no
/// augmented set, so it needs no pair: listed under <c>models</c> it carries the experiment's pair (and
/// has Table I's Orig column on it); a measure that compares datasets asks for it with <see cref="ArtifactSpec.NoPair"/>.
/// </summary>
internal sealed class PlainVaeKind : IModelKind
{
    public string Name => "vae";

    public string DisplayName => "VAE";

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.Stage1Epochs];

    public string FinalStage => "vae";

    public IReadOnlyList<Setting> Identity { get; } = KindIdentity.Common(Setting.KlWeight, Setting.TrainImages, Setting.Stage1Epochs);

    public nn.Module Train(ArtifactJob job) => job.Trainers.TrainPlainVae(job.Spec.TrainingName, job.TrainDigits().Images, job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForPlainVae((PlainVae)model);
}
