using System.Text.Json.Serialization;
using System.Text.Json;
using LaVae.IO;

namespace LaVae.Experiments;

/// <summary>
/// Reads and writes results.json (indented, snake_case keys; metric names kept verbatim). Writing is
/// atomic. Reading validates: a file from another format, with missing or unknown fields, a malformed
/// run key or a figure path outside the results folder is rejected.
/// </summary>
public static class ResultsFile
{
    public const string FileName = "results.json";

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

        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(results, Options));
    }

    /// <exception cref="InvalidDataException">The file is not a valid results file.</exception>
    public static RunResults Read(string path)
    {
        RunResults? results;
        try
        {
            results = JsonSerializer.Deserialize<RunResults>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid results file: {e.Message}", e);
        }

        var problem = results is null ? "the file holds null" : Problem(results);
        return problem is null ? results! : throw new InvalidDataException($"{path}: {problem}");
    }

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
