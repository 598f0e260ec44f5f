namespace LaVae.Measures;

/// <summary>Every <see cref="IMeasure"/> in this assembly, by name.</summary>
public static class MeasureRegistry
{
    private static readonly IReadOnlyDictionary<string, IMeasure> Measures = typeof(IMeasure).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMeasure).IsAssignableFrom(type))
        .Select(type => (IMeasure)Activator.CreateInstance(type)!)
        .ToDictionary(measure => measure.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Measures.Keys.Order(StringComparer.Ordinal).ToList();

    public static IMeasure Get(string name) => Measures.TryGetValue(name, out var measure)
        ? measure
        : throw new KeyNotFoundException($"no measure '{name}' (known: {string.Join(", ", Names)})");
}
