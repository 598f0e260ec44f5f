namespace LaVae;

/// <summary>
/// The instances of every concrete class in this assembly that implements <typeparamref name="T"/>,
/// by name: model kinds, measures and figure kinds are found by being written, with no list to edit.
/// </summary>
internal sealed class Registry<T>(string what, Func<T, string> nameOf)
    where T : class
{
    private readonly IReadOnlyDictionary<string, T> entries = typeof(T).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(type))
        .Select(type => (T)Activator.CreateInstance(type)!)
        .ToDictionary(nameOf, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => entries.Keys.Order(StringComparer.Ordinal).ToList();

    public IEnumerable<T> All => entries.Values;

    public T Get(string name) => entries.TryGetValue(name, out var entry)
        ? entry
        : throw new KeyNotFoundException($"no {what} '{name}' (known: {string.Join(", ", Names)})");
}
