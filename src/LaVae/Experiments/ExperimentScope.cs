using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>What the claims and snapshots of one experiment file may refer to: its models, its profiles, metric names and paper values.</summary>
internal sealed class ExperimentScope(
    StrictYamlFile file,
    IReadOnlyList<string> models,
    IReadOnlyCollection<string> profiles,
    MetricGrammar metrics,
    IReadOnlySet<string> measured,
    PaperBaselines baselines)
{
    public StrictYamlFile File { get; } = file;

    /// <summary>A metric one of the experiment's measures reports.</summary>
    public string Metric(YamlNode node, string path)
    {
        var text = File.String(node, path);
        if (measured.Contains(text))
        {
            return text;
        }

        var rungs = measured.Where(m => m.StartsWith("budget.", StringComparison.Ordinal) && m.EndsWith("." + text, StringComparison.Ordinal)).ToList();
        if (rungs.Count > 0)
        {
            throw File.Error(node, $"metric '{text}' is measured once per rung of this budget ladder: name the rung, e.g. '{rungs.Order(StringComparer.Ordinal).First()}'");
        }

        if (!MetricName.TrySplit(text, out _))
        {
            var examples = measured.Order(StringComparer.Ordinal).Take(3);
            throw File.Error(node, $"metric '{text}' is not one this experiment's measures report (e.g. {string.Join(", ", examples)})");
        }

        if (!metrics.TryParse(text, out var name, out var problem))
        {
            throw File.Error(node, problem);
        }

        if (!models.Contains(name.Model, StringComparer.Ordinal))
        {
            throw File.Error(node, $"metric '{text}' names model '{name.Model}', which this experiment does not train (models: {string.Join(", ", models)})");
        }

        throw File.Error(node, $"metric '{text}' is not one this experiment's measures report (measures: reconstruction reports <model>.<bce|sse>.<column>)");
    }

    public string Model(YamlNode node, string path)
    {
        var model = File.String(node, path);
        return models.Contains(model, StringComparer.Ordinal)
            ? model
            : throw File.Error(node, $"model '{model}' is not one this experiment trains (models: {string.Join(", ", models)})");
    }

    public string PaperReference(YamlNode node, string path)
    {
        var reference = File.String(node, path);
        return baselines.TryFind(reference, out _, out var problem) ? reference : throw File.Error(node, problem);
    }

    /// <summary>A non-empty list of declared profile names, each once.</summary>
    public IReadOnlyList<string> Profiles(YamlNode node, string path)
    {
        var items = File.List(node, path);
        if (items.Count == 0)
        {
            throw File.Error(node, $"{StrictYamlFile.Quote(path)} must name at least one profile (known: {Names.List(profiles)})");
        }

        var names = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var name = File.String(items[i], $"{path}[{i}]");
            if (!profiles.Contains(name))
            {
                throw File.Error(items[i], $"unknown profile '{name}' (known: {Names.List(profiles)})");
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw File.Error(items[i], $"profile '{name}' is listed twice");
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>An id or name that becomes part of test filters and file names.</summary>
    public string Identifier(YamlNode node, string path)
    {
        var text = File.String(node, path);
        return Names.IsPlainIdentifier(text)
            ? text
            : throw File.Error(node, $"{StrictYamlFile.Quote(path)} must use only letters, digits, '-' and '_', found '{text}'");
    }
}
