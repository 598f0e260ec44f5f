namespace LaVae.Experiments;

/// <summary>
/// Share <see cref="Index"/> of <see cref="Count"/> (1-based), written "i/n" on the command line; or
/// <see cref="Any"/>, written "any": whichever parts no other process has claimed, so processes started
/// side by side balance the work between them as they go.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard Any { get; } = new(0, 0);

    public bool IsAny => Count == 0;

    /// <exception cref="FormatException">Not "i/n" with 1 ≤ i ≤ n.</exception>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "any")
        {
            return Any;
        }

        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new FormatException($"shard '{text}' must be i/n with 1 <= i <= n, e.g. 1/4, or any");
    }

    public override string ToString() => IsAny ? "any" : $"{Index}/{Count}";
}
