namespace LaVae.Measures;

/// <summary>Every <see cref="IMeasure"/> in this assembly, by name.</summary>
public static class MeasureRegistry
{
    private static readonly Registry<IMeasure> Measures = new("measure", measure => measure.Name);

    public static IReadOnlyCollection<string> Names => Measures.Names;

    public static IMeasure Get(string name) => Measures.Get(name);
}
