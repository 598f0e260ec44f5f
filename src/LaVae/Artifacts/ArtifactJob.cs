using LaVae.Data;
using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>What a kind needs to train one artifact: where, with what, and its trained dependencies.</summary>
/// <param name="TrainSets">The training sets of a pair (built once per pair and shared).</param>
/// <param name="TrainDigits">The training originals with their labels (for the classifier; built on first use and shared).</param>
/// <param name="Trained">Another trained part this one starts from, trained first if the store lacks it (a fine-tuned decoder's starting decoder).</param>
/// <param name="Source">The trained latent space a transfer head reads; null for other kinds.</param>
/// <param name="SourceLatents">Stage 3's latents of <paramref name="Source"/>, computed on first use and shared by its heads.</param>
public sealed record ArtifactJob(
    ArtifactNode Node,
    string CheckpointPath,
    TrainingContext Context,
    Func<IReadOnlyList<string>, AlignedSets> TrainSets,
    Func<LabelledImages> TrainDigits,
    Func<ArtifactSpec, nn.Module> Trained,
    nn.Module? Source,
    Lazy<TransferLatents>? SourceLatents)
{
    public ArtifactSpec Spec => Node.Spec;

    public ModelTrainers Trainers => new(Spec.Settings, Context, Node.Key);
}
