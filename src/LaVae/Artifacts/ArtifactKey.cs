using System.Security.Cryptography;
using System.Text.Json;

namespace LaVae.Artifacts;

/// <summary>
/// The identity of a trained part: SHA-256 (lowercase hex) of a canonical JSON of its kind, dataset,
/// pair, seed, the settings its kind reads, its source's key, the environment (device, threads,
/// libtorch) and <see cref="CodeVersion.Training"/>, a hash of the source code that trains it. Any
/// change to that code gives every artifact a new key, so nothing trained by older code is reused.
/// </summary>
public static class ArtifactKey
{
    // Bumped when the canonical form changes.
    private const int CanonicalFormVersion = 2;

    /// <summary>Characters of the key that name an artifact's folder.</summary>
    public const int ShortLength = 16;

    public static string Compute(ArtifactSpec spec, string environment) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(spec, environment)));

    internal static byte[] CanonicalJson(ArtifactSpec spec, string environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var kind = ModelKinds.Get(spec.Kind);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("key_format", CanonicalFormVersion);
            json.WriteString("kind", spec.Kind);
            json.WriteString("training_code", CodeVersion.Training);
            json.WriteString("environment", environment);
            json.WriteString("dataset", spec.Dataset);
            json.WriteString("pair", spec.PairName);
            json.WriteNumber("seed", spec.Seed);
            json.WriteStartObject("settings");
            foreach (var setting in kind.Identity)
            {
                json.WriteNumber(setting.Key, spec.Settings.KeyValue(setting));
            }

            foreach (var (name, value) in kind.FixedIdentity)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            if (spec.Source is not null)
            {
                json.WriteString("source", Compute(spec.Source, environment));
                json.WriteBoolean("trains_composition", spec.TrainsComposition);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
