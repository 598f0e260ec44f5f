using LaVae.Augmentations.Families;

namespace LaVae.Tests.Unit.Augmentations.Families;

/// <summary>Values the tests declare each family with: typical fixed ones, and ranges where a family allows them.</summary>
internal static class FamilyExamples
{
    public static TheoryData<string> Names => new(AugmentationFamilies.All.Select(family => family.Name));

    public static TheoryData<string> RangedNames => new(AugmentationFamilies.All.Where(family => Ranged(family) is not null).Select(family => family.Name));

    public static IAugmentationFamily Family(string name) => AugmentationFamilies.Find(name) ?? throw new ArgumentException($"no family {name}", nameof(name));

    public static NumberValue Fixed(double value) => NumberValue.Fixed(value);

    /// <summary>The defaults, overridden by <paramref name="given"/>.</summary>
    public static Dictionary<string, ParameterValue> Values(IAugmentationFamily family, params (string Name, ParameterValue Value)[] given)
    {
        var values = family.Parameters.Where(parameter => parameter.Default is not null).ToDictionary(parameter => parameter.Name, parameter => parameter.Default!);
        foreach (var (name, value) in given)
        {
            values[name] = value;
        }

        return values;
    }

    /// <summary>Fixed values as an experiment would declare them (every required parameter given).</summary>
    public static Dictionary<string, ParameterValue> Typical(IAugmentationFamily family) => family.Name switch
    {
        "rotate" => Values(family, ("degrees", Fixed(30))),
        "shear" => Values(family, ("x", Fixed(20))),
        "translate" => Values(family, ("x", Fixed(3)), ("y", Fixed(-2.5))),
        "scale" => Values(family, ("factor", Fixed(1.5))),
        "affine" => Values(family, ("matrix", new ListValue([1, 0.2, -2, 0.1, 0.9, 1]))),
        "flip" => Values(family, ("axis", new WordValue("horizontal"))),
        "gaussian_blur" => Values(family, ("sigma", Fixed(1.5))),
        "gaussian_noise" => Values(family, ("sigma", Fixed(20))),
        "salt_and_pepper" => Values(family, ("amount", Fixed(0.1))),
        "erase" => Values(family, ("x", Fixed(4)), ("y", Fixed(5)), ("width", Fixed(10)), ("height", Fixed(8))),
        "invert" or "elastic" => Values(family),
        _ => throw new ArgumentException($"no typical values for {family.Name}", nameof(family)),
    };

    /// <summary>Typical values with every parameter that allows a range given one; null where none does.</summary>
    public static Dictionary<string, ParameterValue>? Ranged(IAugmentationFamily family) => family.Name switch
    {
        "rotate" => Values(family, ("degrees", new NumberValue(-45, 45))),
        "shear" => Values(family, ("x", new NumberValue(-30, 30)), ("y", new NumberValue(-20, 20))),
        "translate" => Values(family, ("x", new NumberValue(-5, 5)), ("y", new NumberValue(-5, 5))),
        "scale" => Values(family, ("factor", new NumberValue(0.5, 2))),
        "gaussian_blur" => Values(family, ("sigma", new NumberValue(0.5, 3))),
        "gaussian_noise" => Values(family, ("sigma", new NumberValue(5, 50))),
        "salt_and_pepper" => Values(family, ("amount", new NumberValue(0.05, 0.5))),
        _ => null,
    };

    /// <summary>The families that draw noise per pixel even when every value is fixed.</summary>
    public static bool DrawsNoise(IAugmentationFamily family) => family.Name is "gaussian_noise" or "salt_and_pepper" or "elastic";
}
