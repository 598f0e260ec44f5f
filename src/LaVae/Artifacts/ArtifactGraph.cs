namespace LaVae.Artifacts;

/// <summary>One trained part with its key, the latent space it reads (if any) and its depth in the graph.</summary>
public sealed class ArtifactNode
{
    internal ArtifactNode(ArtifactSpec spec, string key, ArtifactNode? source)
    {
        Spec = spec;
        Key = key;
        Source = source;
        Level = source is null ? 0 : source.Level + 1;
    }

    public ArtifactSpec Spec { get; }

    public string Key { get; }

    public ArtifactNode? Source { get; }

    /// <summary>0 for parts that need nothing trained before them (latent spaces, baselines); 1 for transfer heads and the parts built on a latent space.</summary>
    public int Level { get; }

    /// <summary>Its folder in the store: kind and the first characters of the key.</summary>
    public string FolderName => $"{Spec.Kind}-{Key[..ArtifactKey.ShortLength]}";

    public override string ToString() => $"{Spec.Describe()} [{Key[..ArtifactKey.ShortLength]}]";
}

/// <summary>
/// The trained parts an experiment needs, each once (parts with equal keys are one node), sources
/// before the heads that read them. <see cref="ShardOf"/> splits every level into disjoint shares, so
/// processes that share a store can train one graph together.
/// </summary>
public sealed class ArtifactGraph
{
    private readonly List<ArtifactNode> nodes = [];
    private readonly Dictionary<string, ArtifactNode> byKey = new(StringComparer.Ordinal);
    private readonly string environment;

    public ArtifactGraph(string environment)
    {
        this.environment = environment;
    }

    /// <summary>Every node, by level, then in the order first added.</summary>
    public IReadOnlyList<ArtifactNode> Nodes => nodes.OrderBy(node => node.Level).ToList();

    /// <summary>The node of <paramref name="spec"/>, added with its source if new.</summary>
    public ArtifactNode Add(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = ArtifactKey.Compute(spec, environment);
        if (byKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var source = spec.Source is null ? null : Add(spec.Source);
        var node = new ArtifactNode(spec, key, source);
        nodes.Add(node);
        byKey.Add(key, node);
        return node;
    }

    /// <summary>
    /// The share (1..<paramref name="count"/>) that trains <paramref name="node"/>: nodes of one level
    /// are dealt out in key order, so every process computes the same split from the same graph.
    /// </summary>
    public int ShardOf(ArtifactNode node, int count)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var level = nodes.Where(n => n.Level == node.Level).Select(n => n.Key).Order(StringComparer.Ordinal).ToList();
        return (level.IndexOf(node.Key) % count) + 1;
    }
}
