using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>
/// One trained part of an experiment, as data: which model kind, trained on which data and pair, with
/// which seed and settings. A transfer head also names the latent space it reads (<see cref="Source"/>)
/// and whether it trains the composition term. Its <see cref="ArtifactKey"/> is a hash of exactly the
/// fields that change its numbers, so experiments that ask for the same part share one trained copy.
/// </summary>
/// <param name="Kind">A name in <see cref="ModelKinds"/>: lavae (a latent space), transfer_head, cvae_trad, ...</param>
/// <param name="Pair">The pair it trains on; for a transfer head, its target pair; <see cref="NoPair"/> for a kind that trains on the originals alone (the digit classifier).</param>
public sealed record ArtifactSpec(
    string Kind,
    string Dataset,
    IReadOnlyList<string> Pair,
    int Seed,
    TrainingSettings Settings,
    ArtifactSpec? Source = null,
    bool TrainsComposition = true)
{
    /// <summary>The pair of a part that reads no augmentation: empty, so its key's pair is "".</summary>
    public static IReadOnlyList<string> NoPair { get; } = [];

    /// <summary>The pair as the paper writes it: "flip_lr,flip_ud" ("" for <see cref="NoPair"/>).</summary>
    public string PairName => string.Join(',', Pair);

    public bool HasPair => Pair.Count > 0;

    /// <summary>The name its epochs' random streams are derived from (<see cref="Seeds"/>); unchanged from the single-run layout, so the same seed trains the same weights.</summary>
    public string TrainingName => Source switch
    {
        null => Kind,
        _ when !IsHead => Kind, // a listed kind that builds on another part (the map ablation) is named as any model
        { HasPair: true } => $"head/{Source.PairName}/{PairName}", // also the downstream classifiers that read a latent space
        _ => $"{Kind}/{Source.Dataset}/{Dataset}", // a part on a pair-less source: a decoder fine-tuned to another dataset's encoder
    };

    public string Describe() => Source is null || !IsHead
        ? $"{ModelKinds.Get(Kind).DisplayName} on {(HasPair ? PairName : $"{Dataset}'s originals")} (seed {Seed})"
        : Source.HasPair
            ? $"head for {PairName} on the {Source.PairName} latent space (seed {Seed}{(TrainsComposition ? "" : ", composition untrained")})"
            : $"{ModelKinds.Get(Kind).DisplayName} for {Dataset} under the {Source.Dataset} {ModelKinds.Get(Source.Kind).DisplayName}'s encoder (seed {Seed})";

    // A part that cannot be listed without its source (a transfer head, a fine-tuned decoder, a downstream classifier on a latent space).
    private bool IsHead => ModelKinds.Get(Kind).NeedsSource;
}
