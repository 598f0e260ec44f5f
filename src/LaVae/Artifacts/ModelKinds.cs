using System.Reflection;

namespace LaVae.Artifacts;

/// <summary>Every <see cref="IModelKind"/> in this assembly, by name: a new kind is found by being written.</summary>
public static class ModelKinds
{
    private static readonly IReadOnlyDictionary<string, IModelKind> Kinds = typeof(IModelKind).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IModelKind).IsAssignableFrom(type))
        .Select(type => (IModelKind)Activator.CreateInstance(type)!)
        .ToDictionary(kind => kind.Name, StringComparer.Ordinal);

    /// <summary>Kinds an experiment may list under <c>models</c>: name → printed name.</summary>
    public static IReadOnlyDictionary<string, string> Listable { get; } = Kinds.Values
        .Where(kind => !kind.NeedsSource)
        .ToDictionary(kind => kind.Name, kind => kind.DisplayName, StringComparer.Ordinal);

    public static IModelKind Get(string name) => Kinds.TryGetValue(name, out var kind)
        ? kind
        : throw new KeyNotFoundException($"no model kind '{name}' (known: {string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal))})");
}
