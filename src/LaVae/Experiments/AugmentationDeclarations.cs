using System.Globalization;
using LaVae.Augmentations;
using LaVae.Augmentations.Families;
using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// Reads an experiment's <c>augmentations:</c> block, each entry a name and one family with its
/// parameters (<c>rotate_45: {rotate: {degrees: 45}}</c>), or a <c>sequence</c> of such steps and of
/// names declared before it or of the paper's eleven. Every value is checked against its family's
/// declaration; a mistake is one error at its file:line:column. Each definition becomes an augmentation
/// named by its canonical text (<see cref="AugmentationDefinitionText"/>), registered so the trained
/// parts that use it are keyed by what it does, not by what this file calls it.
/// </summary>
internal static class AugmentationDeclarations
{
    /// <summary>How deep sequences may nest: a sequence inside a sequence inside a sequence.</summary>
    public const int MaxSequenceDepth = 3;

    /// <summary>Declared name → the canonical definition its trained parts are keyed by.</summary>
    public static IReadOnlyDictionary<string, string> Read(StrictYamlFile file, YamlNode node, IReadOnlySet<string> paperNames)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, keyNode, value) in file.Mapping(node, "augmentations", knownKeys: null).Entries)
        {
            if (paperNames.Contains(name))
            {
                throw file.Error(keyNode, $"'{name}' is one of the paper's augmentations; name a declared augmentation otherwise (the paper's: {Names.List(paperNames)})");
            }

            if (!IsAugmentationName(name))
            {
                throw file.Error(keyNode, $"augmentation name '{name}' must be lowercase letters, digits and '_', starting with a letter, as it names metrics and files");
            }

            var augmentation = Definition(file, value, $"augmentations.{name}", declared, depth: 0);
            AugmentationRegistry.Declare(augmentation);
            declared.Add(name, augmentation.Name);
        }

        return declared;
    }

    private static bool IsAugmentationName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    // {family: {parameter: value, ...}}: exactly one family per definition.
    private static Augmentation Definition(StrictYamlFile file, YamlNode node, string path, IReadOnlyDictionary<string, string> declared, int depth)
    {
        var mapping = file.Mapping(node, path, knownKeys: null);
        if (mapping.Entries.Count != 1)
        {
            throw file.Error(node, $"'{path}' must name one family with its parameters, e.g. {{rotate: {{degrees: 45}}}}, found {mapping.Entries.Count} keys (families: {Names.List(AugmentationFamilies.Names)})");
        }

        var (familyName, familyKey, parameters) = mapping.Entries[0];
        if (familyName == AugmentationFamilies.Sequence)
        {
            return Sequence(file, parameters, $"{path}.{familyName}", declared, depth + 1);
        }

        var family = AugmentationFamilies.Find(familyName)
            ?? throw file.Error(familyKey, $"unknown augmentation family '{familyName}' (known: {Names.List(AugmentationFamilies.Names)})");
        var values = Parameters(file, family, parameters, $"{path}.{familyName}");
        if (family.Check(values) is { } problem)
        {
            throw file.Error(parameters, $"'{path}.{familyName}': {problem}");
        }

        return family.Create(AugmentationDefinitionText.Of(family, values), values);
    }

    private static Augmentation Sequence(StrictYamlFile file, YamlNode node, string path, IReadOnlyDictionary<string, string> declared, int depth)
    {
        if (depth > MaxSequenceDepth)
        {
            throw file.Error(node, $"'{path}' nests sequences {depth} deep; at most {MaxSequenceDepth} (declare the inner sequence under its own name and list that name)");
        }

        var items = file.List(node, path);
        if (items.Count < 2)
        {
            throw file.Error(node, $"'{path}' must list at least two steps, applied in order, found {items.Count}");
        }

        var steps = new List<Augmentation>();
        for (var i = 0; i < items.Count; i++)
        {
            var stepPath = $"{path}[{i}]";
            steps.Add(items[i] is YamlScalarNode
                ? Named(file, items[i], stepPath, declared)
                : Definition(file, items[i], stepPath, declared, depth));
        }

        return new DeclaredAugmentation(
            AugmentationDefinitionText.Sequence(steps.Select(step => step.Name)),
            (images, generator) => steps.Aggregate(images, (current, step) => step.Apply(current, generator)));
    }

    // A step given by name: one of the paper's eleven or an augmentation declared above it.
    private static Augmentation Named(StrictYamlFile file, YamlNode node, string path, IReadOnlyDictionary<string, string> declared)
    {
        var name = file.String(node, path);
        if (declared.TryGetValue(name, out var id))
        {
            return AugmentationRegistry.Get(id);
        }

        return AugmentationRegistry.Names.Contains(name, StringComparer.Ordinal)
            ? AugmentationRegistry.Get(name)
            : throw file.Error(node, $"unknown augmentation '{name}' in '{path}': a step names one of the paper's augmentations or one declared above it (known: {Names.List([.. AugmentationRegistry.Names, .. declared.Keys])})");
    }

    private static Dictionary<string, ParameterValue> Parameters(StrictYamlFile file, IAugmentationFamily family, YamlNode node, string path)
    {
        var known = family.Parameters.Select(parameter => parameter.Name).ToList();
        var given = node is YamlScalarNode scalar && string.IsNullOrEmpty(scalar.Value) && family.Parameters.All(p => p.Default is not null)
            ? []
            : file.Mapping(node, path, known).Entries.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in family.Parameters)
        {
            values[parameter.Name] = given.TryGetValue(parameter.Name, out var value)
                ? Value(file, parameter, value, $"{path}.{parameter.Name}")
                : parameter.Default ?? throw file.Error(node, $"'{path}' needs '{parameter.Name}': {parameter.Meaning}, {parameter.DescribeBound()}");
        }

        return values;
    }

    private static ParameterValue Value(StrictYamlFile file, FamilyParameter parameter, YamlNode node, string path)
    {
        switch (parameter.Shape)
        {
            case ParameterShape.Word:
                var word = file.String(node, path);
                return parameter.Choices.Contains(word, StringComparer.Ordinal)
                    ? new WordValue(word)
                    : throw file.Error(node, $"'{path}' is '{word}'; it must be {parameter.DescribeBound()}");
            case ParameterShape.List:
                var items = file.List(node, path);
                if (items.Count != parameter.Length)
                {
                    throw file.Error(node, $"'{path}' lists {items.Count} numbers; it must be {parameter.DescribeBound()}");
                }

                return new ListValue([.. items.Select((item, i) => Bounded(file, parameter, item, $"{path}[{i}]"))]);
            default:
                if (node is not YamlSequenceNode)
                {
                    return NumberValue.Fixed(Bounded(file, parameter, node, path));
                }

                var range = file.List(node, path);
                if (!parameter.AllowsRange || range.Count != 2)
                {
                    throw file.Error(node, $"'{path}' must be {parameter.DescribeBound()}, found a list of {range.Count}");
                }

                var (low, high) = (Bounded(file, parameter, range[0], $"{path}[0]"), Bounded(file, parameter, range[1], $"{path}[1]"));
                return low <= high
                    ? new NumberValue(low, high)
                    : throw file.Error(node, $"'{path}' is the range [{Format(low)}, {Format(high)}]; write the lower end first");
        }
    }

    private static double Bounded(StrictYamlFile file, FamilyParameter parameter, YamlNode node, string path)
    {
        var value = file.Number(node, path);
        if (value < parameter.Min || value > parameter.Max || (parameter.Integer && value != Math.Floor(value)))
        {
            throw file.Error(node, $"'{path}' is {Format(value)}; it must be {parameter.DescribeBound()} ({parameter.Meaning})");
        }

        return value;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
