namespace LaVae.Experiments;

/// <summary>Formats sets of names for "(known: ...)" hints, sorted so messages are stable.</summary>
internal static class Names
{
    public static string List(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    /// <summary>Ids, profile and snapshot names end up in test filters and file names: keep them plain.</summary>
    public static bool IsPlainIdentifier(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
