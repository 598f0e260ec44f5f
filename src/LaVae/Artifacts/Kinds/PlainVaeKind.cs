using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch.Modules;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>The plain VAE reference: the ELBO on the original digits only, for stage 1's epochs.</summary>
internal sealed class PlainVaeKind : IModelKind
{
    public string Name => "vae";

    public string DisplayName => "VAE";

    public IReadOnlyList<string> EpochSettings => ["epochs.stage1"];

    public IEnumerable<KeyValuePair<string, double>> Identity(TrainingSettings settings) => KindIdentity.Common(
        settings,
        new("kl_weight", settings.KlWeight),
        new("train_images", settings.TrainImages),
        new("stage1_epochs", settings.Stage1Epochs));

    public Module Train(ArtifactJob job) => job.Trainers.TrainPlainVae(job.Spec.TrainingName, job.TrainSets(job.Spec.Pair), job.CheckpointPath);

    public IReadOnlyList<ErrorColumn> Columns(Module model, Module? source) => TableOneColumns.ForPlainVae((PlainVae)model);
}
