using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// The paper's first ablation (Section IV-B): non-linear latent maps, an MLP latent→8→8→latent with
/// ReLUs per augmentation instead of L_k. Stage 1 never reads the maps, so this kind builds on the LAVAE
/// latent space of the same pair, seed and settings and trains only its own stage 2 over that encoder
/// and decoder 0: the comparison with LAVAE isolates the kind of map, and costs one stage 2.
/// Stage 2's involutory penalty ‖I − L·L‖²_F needs a matrix; an MLP has none, and
/// <see cref="MlpLatentMap.InvolutoryPenalty"/> is zero. The paper does not say what its ablation did;
/// the authors' penalty is written on the matrix's weights, so it was most likely dropped, as here: the
/// MLP is fitted by the latent MSE alone.
/// </summary>
internal sealed class LavaeMlpKind : IModelKind
{
    public string Name => "lavae_mlp";

    public string DisplayName => "LAVAE (MLP maps)";

    // Stage 1's epochs are its latent space's (BuildsOn), checked through that part.
    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.Stage2Epochs];

    public string FinalStage => "stage2";

    /// <summary>An MLP has no inverse, so no inverse columns (<see cref="TableOneColumns.ForLavae"/>).</summary>
    public IReadOnlyList<string> ReconstructionColumns => TableOneColumns.ForwardNames;

    public ArtifactSpec? BuildsOn(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ArtifactSpec("lavae", spec.Dataset, spec.Pair, spec.Seed, spec.Settings);
    }

    // The latent space's settings enter the key through its key too. Stage 2 reads the involutory
    // weight, though with MLP maps it multiplies a term the ablation leaves at zero.
    public IReadOnlyList<Setting> Identity { get; } = KindIdentity.Common(Setting.InvolutoryWeight, Setting.TrainImages, Setting.Stage2Epochs);

    public nn.Module Train(ArtifactJob job) => job.Trainers.TrainMapsOn(
        job.Spec.TrainingName,
        job.Source as Lavae ?? throw new InvalidOperationException($"{job.Spec.Describe()} was given no latent space"),
        () => job.TrainSets(job.Spec.Pair),
        job.Spec.Pair,
        job.CheckpointPath,
        LatentMapKind.Mlp);

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => TableOneColumns.ForLavae((Lavae)model);
}
