namespace LaVae.Figures;

/// <summary>Every <see cref="IFigureKind"/> in this assembly, by name.</summary>
public static class FigureRegistry
{
    private static readonly IReadOnlyDictionary<string, IFigureKind> Kinds = typeof(IFigureKind).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IFigureKind).IsAssignableFrom(type))
        .Select(type => (IFigureKind)Activator.CreateInstance(type)!)
        .ToDictionary(kind => kind.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Kinds.Keys.Order(StringComparer.Ordinal).ToList();

    public static IFigureKind Get(string name) => Kinds.TryGetValue(name, out var kind)
        ? kind
        : throw new KeyNotFoundException($"no figure kind '{name}' (known: {string.Join(", ", Names)})");
}
