using System.Globalization;

namespace LaVae.Augmentations.Families;

/// <summary>
/// The canonical text of a declared augmentation: its family and every parameter (defaults filled in)
/// in the family's order, e.g. <c>rotate(degrees=-15..15)</c>, <c>affine(matrix=[1 0.2 0 0 1 0])</c>,
/// <c>sequence(translate(x=3;y=0);gaussian_blur(sigma=1;kernel_size=7))</c>. Two declarations with one
/// text are one augmentation; the text has no comma, since pairs are written "A1,A2".
/// </summary>
public static class AugmentationDefinitionText
{
    public static string Of(IAugmentationFamily family, IReadOnlyDictionary<string, ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(values);
        var parameters = family.Parameters.Select(parameter => $"{parameter.Name}={Text(values[parameter.Name])}");
        return $"{family.Name}({string.Join(';', parameters)})";
    }

    public static string Sequence(IEnumerable<string> steps) => $"{AugmentationFamilies.Sequence}({string.Join(';', steps)})";

    private static string Text(ParameterValue value) => value switch
    {
        NumberValue { IsFixed: true } number => Number(number.Low),
        NumberValue number => $"{Number(number.Low)}..{Number(number.High)}",
        WordValue word => word.Word,
        ListValue list => $"[{string.Join(' ', list.Numbers.Select(Number))}]",
        _ => throw new ArgumentException($"unknown parameter value {value}", nameof(value)),
    };

    // The shortest text that reads back as the same double, so 0.1 stays "0.1" and 45 stays "45".
    private static string Number(double value) => (value == 0 ? 0 : value).ToString("R", CultureInfo.InvariantCulture);
}
