namespace LaVae.Figures;

/// <summary>Every <see cref="IFigureKind"/> in this assembly, by name.</summary>
public static class FigureRegistry
{
    private static readonly Registry<IFigureKind> Kinds = new("figure kind", kind => kind.Name);

    public static IReadOnlyCollection<string> Names => Kinds.Names;

    public static IFigureKind Get(string name) => Kinds.Get(name);
}
