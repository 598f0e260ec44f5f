namespace LaVae.Augmentations.Families;

/// <summary>A declared parameter's resolved value (bounds checked, defaults filled in).</summary>
public abstract record ParameterValue;

/// <summary>A number: fixed (<c>Low == High</c>) or drawn per image, uniformly in [Low, High], from the run's seed.</summary>
public sealed record NumberValue(double Low, double High) : ParameterValue
{
    public bool IsFixed => Low == High;

    public static NumberValue Fixed(double value) => new(value, value);
}

/// <summary>One of a parameter's named choices, e.g. a flip's <c>axis: horizontal</c>.</summary>
public sealed record WordValue(string Word) : ParameterValue;

/// <summary>A fixed list of numbers of a declared length, e.g. an affine's six matrix terms.</summary>
public sealed record ListValue(IReadOnlyList<double> Numbers) : ParameterValue;
