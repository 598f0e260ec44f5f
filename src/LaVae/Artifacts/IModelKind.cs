using LaVae.Evaluation;
using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>
/// A kind of trained part: how it trains, which settings change its numbers, and how its
/// reconstruction columns read. One class per kind, found by <see cref="ModelKinds"/>; adding a kind
/// is adding a file.
/// </summary>
public interface IModelKind
{
    /// <summary>The name experiments use (<c>models: [lavae, cvae_trad]</c>) and artifact keys carry.</summary>
    string Name { get; }

    /// <summary>As the paper prints it: LAVAE, CVAE_Trad.</summary>
    string DisplayName { get; }

    /// <summary>A transfer head needs a latent space to train on; it cannot be listed under <c>models</c>.</summary>
    bool NeedsSource => false;

    /// <summary>
    /// Whether it trains on an augmentation pair; a kind that does not (the digit classifier, trained on
    /// the originals and their labels) has <see cref="ArtifactSpec.NoPair"/> and cannot be listed under
    /// <c>models</c>, which all train on the experiment's pair.
    /// </summary>
    bool TrainsOnPair => true;

    /// <summary>Whether an experiment may list it under <c>models</c>: by default a kind trained on the experiment's pair alone.</summary>
    bool Listable => !NeedsSource && TrainsOnPair;

    /// <summary>
    /// The trained part a model of this kind builds on when an experiment lists it under <c>models</c>
    /// (<paramref name="spec"/>, without a source): it is trained first and handed to <see cref="Train"/>
    /// as the job's source. Null for a kind that trains from scratch.
    /// </summary>
    ArtifactSpec? BuildsOn(ArtifactSpec spec) => null;

    /// <summary>
    /// The settings counting the epochs it trains for (<c>epochs.stage1</c>, ...): a profile that sets
    /// one to 0 would leave it untrained, which the parser rejects.
    /// </summary>
    IReadOnlyList<Setting<int>> EpochSettings { get; }

    /// <summary>
    /// The name its checkpoint records for its last stage, which trains for the last of
    /// <see cref="EpochSettings"/>: the part is trained once its checkpoint records this stage complete.
    /// </summary>
    string FinalStage { get; }

    /// <summary>
    /// The settings its training reads, in a fixed order: its artifact key carries their values. A test
    /// trains every kind with settings that report their reads, and fails on a read not listed here.
    /// </summary>
    IReadOnlyList<Setting> Identity { get; }

    /// <summary>Values of its own, not settings, that change its weights (the downstream classifier's labelled digits), by name.</summary>
    IEnumerable<KeyValuePair<string, double>> FixedIdentity => [];

    /// <summary>Builds the model, trains what its checkpoint does not hold yet, and returns it.</summary>
    nn.Module Train(ArtifactJob job);

    /// <summary>
    /// The names of the reconstruction columns its <see cref="Columns"/> report, with "total" (their metric
    /// names are declared before anything is trained). All of Table I's and section 5's unless a kind says otherwise.
    /// </summary>
    IReadOnlyList<string> ReconstructionColumns => TableOneColumns.Names;

    /// <summary>The model's columns (Table I's, where the kind has them) for measuring and figures.</summary>
    IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source);
}
