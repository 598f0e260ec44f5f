namespace LaVae.Augmentations.Families;

/// <summary>What a parameter's value may be: a number, one of a few words, or a list of numbers.</summary>
public enum ParameterShape
{
    Number,
    Word,
    List,
}

/// <summary>
/// One parameter of an augmentation family, as a declaration in YAML meets it: its name, shape, bounds
/// and default (a parameter with no default must be given). The declaration parser checks a value
/// against these before the family sees it.
/// </summary>
public sealed record FamilyParameter(string Name, ParameterShape Shape, string Meaning)
{
    /// <summary>Least value of a number or of each list entry (inclusive).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Greatest value of a number or of each list entry (inclusive).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Whether a number may be a range <c>[low, high]</c> drawn per image.</summary>
    public bool AllowsRange { get; init; }

    /// <summary>Whether a number must be a whole number (a pixel count, a kernel size).</summary>
    public bool Integer { get; init; }

    /// <summary>The value used when the declaration leaves the parameter out; null: it must be given.</summary>
    public ParameterValue? Default { get; init; }

    /// <summary>The words a <see cref="ParameterShape.Word"/> parameter accepts.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The length a <see cref="ParameterShape.List"/> parameter must have.</summary>
    public int Length { get; init; }

    public static FamilyParameter Number(string name, double min, double max, string meaning, double? defaultValue = null, bool range = true, bool integer = false) =>
        new(name, ParameterShape.Number, meaning)
        {
            Min = min,
            Max = max,
            AllowsRange = range,
            Integer = integer,
            Default = defaultValue is { } value ? NumberValue.Fixed(value) : null,
        };

    public static FamilyParameter Word(string name, IReadOnlyList<string> choices, string meaning, string? defaultValue = null) =>
        new(name, ParameterShape.Word, meaning) { Choices = choices, Default = defaultValue is null ? null : new WordValue(defaultValue) };

    public static FamilyParameter List(string name, int length, string meaning, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        new(name, ParameterShape.List, meaning) { Length = length, Min = min, Max = max };

    /// <summary>The bound as a user reads it, e.g. "a number in [-360, 360] or a range [low, high] within it".</summary>
    public string DescribeBound() => Shape switch
    {
        ParameterShape.Word => $"one of {string.Join(", ", Choices)}",
        ParameterShape.List => $"a list of {Length} numbers{Within()}",
        _ => $"{(Integer ? "a whole number" : "a number")}{Within()}{(AllowsRange ? " or a range [low, high] within it" : "")}",
    };

    private string Within() => (double.IsInfinity(Min), double.IsInfinity(Max)) switch
    {
        (true, true) => "",
        (false, true) => $" ≥ {Min.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        (true, false) => $" ≤ {Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ => $" in [{Min.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}]",
    };
}
