using LaVae.Torch;

namespace LaVae.Augmentations.Families;

/// <summary>Reads a family's checked values and turns numbers into per-image tensors.</summary>
internal static class FamilyValues
{
    public static NumberValue Number(IReadOnlyDictionary<string, ParameterValue> values, string name) => (NumberValue)values[name];

    /// <summary>A number that may not be a range (its bound says so, and the parser checked it).</summary>
    public static double Fixed(IReadOnlyDictionary<string, ParameterValue> values, string name) => Number(values, name).Low;

    public static string Word(IReadOnlyDictionary<string, ParameterValue> values, string name) => ((WordValue)values[name]).Word;

    public static IReadOnlyList<double> List(IReadOnlyDictionary<string, ParameterValue> values, string name) => ((ListValue)values[name]).Numbers;

    /// <summary>
    /// One float64 value per image: a fixed number is repeated without touching the generator, so an
    /// augmentation with fixed values draws nothing; a range is drawn uniformly, one draw per image.
    /// </summary>
    public static Tensor PerImage(NumberValue value, Generator generator, long count, Device device) =>
        value.IsFixed
            ? full([count], value.Low, ScalarType.Float64, device)
            : RandomDraws.Uniform(generator, count, value.Low, value.High, device, ScalarType.Float64);
}
