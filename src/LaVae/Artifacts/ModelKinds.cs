namespace LaVae.Artifacts;

/// <summary>Every <see cref="IModelKind"/> in this assembly, by name: a new kind is found by being written.</summary>
public static class ModelKinds
{
    private static readonly Registry<IModelKind> Kinds = new("model kind", kind => kind.Name);

    /// <summary>Kinds an experiment may list under <c>models</c> (those trained on its pair alone): name → printed name.</summary>
    public static IReadOnlyDictionary<string, string> Listable { get; } = Kinds.All
        .Where(kind => kind.Listable)
        .ToDictionary(kind => kind.Name, kind => kind.DisplayName, StringComparer.Ordinal);

    public static IModelKind Get(string name) => Kinds.Get(name);

    /// <summary>Every kind, in name order.</summary>
    public static IReadOnlyList<IModelKind> All => [.. Kinds.All.OrderBy(kind => kind.Name, StringComparer.Ordinal)];
}
