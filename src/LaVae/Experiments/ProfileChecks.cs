using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Measures;
using LaVae.DataFetching;

namespace LaVae.Experiments;

/// <summary>
/// Checks each profile's settings (the settings block with the profile's overrides) against what the
/// experiment trains and reads, so a profile that cannot run is an error at the value that breaks it,
/// found before any training: more images than the dataset's split holds, or zero epochs for a stage a
/// trained part needs (its untrained weights would still be measured, and could pass the claims).
/// </summary>
internal static class ProfileChecks
{
    /// <param name="declared">The complete settings block and each profile's overrides, with where each value was written (this file or the shared one).</param>
    public static void Check(string dataset, ExperimentDesign design, IReadOnlyList<string> measures, ProfiledSettings declared)
    {
        var (settings, profiles) = (declared.Settings.Values, declared.Profiles);
        var name = DatasetNames.Parse(dataset);
        var limits = new Dictionary<string, (int Images, string Split)>(StringComparer.Ordinal)
        {
            ["train_images"] = (PublishedDatasets.ImagesIn(name, Split.Train), "training"),
            ["test_images"] = (PublishedDatasets.ImagesIn(name, Split.Test), "test"),
        };
        var epochNeeds = KindsTrained(design, measures)
            .SelectMany(kind => ModelKinds.Get(kind).EpochSettings.Select(setting => (Key: setting.Key, Kind: ModelKinds.Get(kind).DisplayName)))
            .GroupBy(need => need.Key, need => need.Kind, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        // The settings block is the paper profile; other profiles inherit what they do not override, so
        // a value of the settings block is blamed there, and a profile's own value in the profile.
        foreach (var (profileName, profile) in profiles.OrderBy(p => p.Key == ExperimentParser.PaperProfile ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var key in settings.Keys.Order(StringComparer.Ordinal))
            {
                var (value, source) = profile.Values.TryGetValue(key, out var own)
                    ? (own, profile.Sources[key])
                    : (settings[key], declared.Settings.Sources[key]);
                if (limits.TryGetValue(key, out var limit) && value > limit.Images)
                {
                    throw source.Error(
                        $"{StrictYamlFile.Quote(source.Path)} is {NumberText.Exact(value)}, but {dataset} has {limit.Images} {limit.Split} images");
                }

                if (value == 0 && epochNeeds.TryGetValue(key, out var kinds))
                {
                    throw source.Error(
                        $"{StrictYamlFile.Quote(source.Path)} is 0, so profile '{profileName}' would train {string.Join(" and ", kinds)} for no epochs; give it at least 1");
                }
            }
        }
    }

    /// <summary>The kinds of every part the declared measures read, and of the latent spaces those read.</summary>
    private static IEnumerable<string> KindsTrained(ExperimentDesign design, IReadOnlyList<string> measures)
    {
        var specs = new Stack<ArtifactSpec>(measures.SelectMany(measure => MeasureRegistry.Get(measure).Needs(design, seed: 1)));
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        while (specs.TryPop(out var spec))
        {
            kinds.Add(spec.Kind);
            if (spec.Source is { } source)
            {
                specs.Push(source);
            }
        }

        return kinds;
    }
}
