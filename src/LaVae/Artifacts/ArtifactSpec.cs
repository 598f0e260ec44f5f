using LaVae.Training;

namespace LaVae.Artifacts;

/// <summary>
/// One trained part of an experiment, as data: which model kind, trained on which data and pair, with
/// which seed and settings. A transfer head also names the latent space it reads (<see cref="Source"/>)
/// and whether it trains the composition term. Its <see cref="ArtifactKey"/> is a hash of exactly the
/// fields that change its numbers, so experiments that ask for the same part share one trained copy.
/// </summary>
/// <param name="Kind">A name in <see cref="ModelKinds"/>: lavae (a latent space), transfer_head, cvae_trad, ...</param>
/// <param name="Pair">The pair it trains on; for a transfer head, its target pair.</param>
public sealed record ArtifactSpec(
    string Kind,
    string Dataset,
    IReadOnlyList<string> Pair,
    int Seed,
    TrainingSettings Settings,
    ArtifactSpec? Source = null,
    bool TrainsComposition = true)
{
    /// <summary>The pair as the paper writes it: "flip_lr,flip_ud".</summary>
    public string PairName => string.Join(',', Pair);

    /// <summary>The name its epochs' random streams are derived from (<see cref="Seeds"/>); unchanged from the single-run layout, so the same seed trains the same weights.</summary>
    public string TrainingName => Source is null || !IsHead ? Kind : $"head/{Source.PairName}/{PairName}";

    public string Describe() => Source is null || !IsHead
        ? $"{ModelKinds.Get(Kind).DisplayName} on {PairName} (seed {Seed})"
        : $"head for {PairName} on the {Source.PairName} latent space (seed {Seed}{(TrainsComposition ? "" : ", composition untrained")})";

    // A transfer head needs its source; a listed kind that builds on another part (the map ablation) is named as any model.
    private bool IsHead => ModelKinds.Get(Kind).NeedsSource;
}
