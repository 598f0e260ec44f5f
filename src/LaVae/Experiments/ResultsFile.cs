using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using LaVae.IO;

namespace LaVae.Experiments;

/// <summary>
/// Reads and writes results.json (indented, snake_case keys; metric names kept verbatim). Writing is
/// atomic and records <c>content_sha256</c>, the SHA-256 of the results as this class serializes them,
/// so a number edited or damaged later is caught. Reading validates: a file from another format, with
/// missing or unknown fields, a wrong checksum, a malformed run key or a figure path outside the
/// results folder is rejected.
/// </summary>
public static class ResultsFile
{
    public const string FileName = "results.json";

    private const string ChecksumField = "content_sha256";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A diverged run reports NaN; it must be recorded as such, not refused.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static void Write(string path, RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var problem = Problem(results);
        if (problem is not null)
        {
            throw new ArgumentException($"results for '{results.ExperimentId}' cannot be written: {problem}", nameof(results));
        }

        var file = JsonSerializer.SerializeToNode(results, Options)!.AsObject();
        file.Insert(1, ChecksumField, Checksum(results)); // right after "format", where a reader looks first
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(file, Options));
    }

    /// <exception cref="InvalidDataException">The file is not a valid results file.</exception>
    public static RunResults Read(string path)
    {
        RunResults? results;
        string? recorded;
        try
        {
            var file = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw new InvalidDataException($"{path}: not a valid results file: it is not a JSON object");
            recorded = file.Remove(ChecksumField, out var checksum) ? checksum?.ToString() : null;
            results = file.Deserialize<RunResults>(Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid results file: {e.Message}", e);
        }

        var problem = results is null ? "the file holds null" : Problem(results);
        if (problem is not null)
        {
            throw new InvalidDataException($"{path}: {problem}");
        }

        var actual = Checksum(results!);
        return recorded == actual ? results! : throw new InvalidDataException(recorded is null
            ? $"{path}: it has no {ChecksumField}"
            : $"{path}: its content does not match its {ChecksumField} (SHA-256 {actual[..12]}…, recorded {recorded[..Math.Min(12, recorded.Length)]}…)");
    }

    /// <summary>
    /// Reads the results, or returns null when there are none to use: no file (no notice), or a file
    /// that is damaged, invalid or of another format, which is moved aside (see <see cref="DamagedFile"/>)
    /// and described in <paramref name="notice"/> so the caller measures again instead of failing.
    /// </summary>
    public static RunResults? ReadOrSetAside(string path, out string? notice)
    {
        notice = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Read(path);
        }
        catch (InvalidDataException e)
        {
            var aside = DamagedFile.SetAside(path);
            notice = $"{e.Message}; it was moved to {aside} and the run measures again.";
            return null;
        }
    }

    /// <summary>Over the results' own serialization, so reformatting the file does not matter but any changed value does.</summary>
    private static string Checksum(RunResults results) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(results, Options)));

    private static string? Problem(RunResults results)
    {
        if (results.Format != RunResults.CurrentFormat)
        {
            return $"format '{results.Format}' is not '{RunResults.CurrentFormat}'";
        }

        if (results.RunKey.Length != 64 || !results.RunKey.All(char.IsAsciiHexDigitLower))
        {
            return $"run key '{results.RunKey}' is not a lowercase SHA-256 hex string";
        }

        var figure = results.Measurements.Figures.FirstOrDefault(path => !IsInsideResultsFolder(path));
        if (figure is not null)
        {
            return $"figure '{figure}' must be a '/'-separated path inside the results folder";
        }

        return results.Claims.Any(claim => claim is null) ? "a claim outcome is null" : null;
    }

    private static bool IsInsideResultsFolder(string path) =>
        path.Length > 0
        && !Path.IsPathRooted(path)
        && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment.Length > 0 && segment is not "." and not "..");
}
