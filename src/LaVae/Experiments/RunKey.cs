using System.Security.Cryptography;
using System.Text.Json;
using LaVae.Artifacts;
using LaVae.Training;

namespace LaVae.Experiments;

/// <summary>
/// Identifies a run's measurements by what determines them: SHA-256 (lowercase hex) of a canonical
/// JSON of the <see cref="RunDefinition"/>, the keys of every trained part it reads, the environment
/// and <see cref="CodeVersion.Library"/>. Stored results are reused only under an equal key, so
/// results measured by other code are measured again; editing claims, tolerances or descriptions
/// keeps the key.
/// </summary>
public sealed record RunKey
{
    // Bumped when the canonical form changes, so old results are not mistaken for new ones.
    private const int CanonicalFormVersion = 3;

    private RunKey(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public static RunKey Compute(RunDefinition run, string environment, IEnumerable<string> artifactKeys)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(artifactKeys);
        return new RunKey(Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(run, environment, artifactKeys))));
    }

    public override string ToString() => Value;

    /// <summary>Fixed property order, no whitespace, numbers in shortest round-trip form.</summary>
    internal static byte[] CanonicalJson(RunDefinition run, string environment, IEnumerable<string> artifactKeys)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("key_format", CanonicalFormVersion);
            json.WriteString("library_code", CodeVersion.Library);
            json.WriteString("environment", environment);
            json.WriteString("dataset", run.Dataset);
            json.WriteStartArray("seeds");
            foreach (var seed in run.Seeds)
            {
                json.WriteNumberValue(seed);
            }

            json.WriteEndArray();
            // One pair keeps the key format of the files that could only declare one.
            if (run.Pairs.Count <= 1)
            {
                WriteStrings(json, "pair", run.Pair ?? []);
            }
            else
            {
                WriteStrings(json, "pairs", run.Pairs.Select(pair => string.Join(',', pair)).ToList());
            }

            WriteStrings(json, "models", run.Models);
            if (run.Transfer is { } transfer)
            {
                WriteStrings(json, "transfer_sources", transfer.Sources.Select(pair => string.Join(',', pair)).ToList());
                WriteStrings(json, "transfer_targets", transfer.Targets.Select(pair => string.Join(',', pair)).ToList());
                json.WriteString("transfer_composition", transfer.Composition);
            }

            WriteStrings(json, "measures", run.Measures);
            WriteStrings(json, "figures", run.Figures);
            json.WriteString("profile", run.Profile);
            WriteSettings(json, run.Settings);
            // Only a ladder writes its rungs, so the key of every other run keeps its form.
            if (run.Budgets.Count > 0)
            {
                json.WriteStartArray("budgets");
                foreach (var rung in run.Budgets)
                {
                    json.WriteStartObject();
                    json.WriteString("name", rung.Name);
                    WriteSettings(json, rung.Settings);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            WriteStrings(json, "artifacts", artifactKeys.Order(StringComparer.Ordinal).ToList());
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    // Every setting that can change a number (not checkpoint_every, which changes neither weights nor measurements).
    private static void WriteSettings(Utf8JsonWriter json, TrainingSettings settings)
    {
        json.WriteStartObject("settings");
        foreach (var setting in Setting.All.Where(setting => setting.Effect != SettingEffect.Nothing))
        {
            json.WriteNumber(setting.Key, settings.KeyValue(setting));
        }

        json.WriteEndObject();
    }
}
