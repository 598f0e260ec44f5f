using System.Text;

namespace LaVae.Experiments;

/// <summary>
/// Settings from the command line, <c>--set epochs.stage1=20 --set kl_weight=5</c>: each read as the
/// YAML it stands for (<c>{epochs: {stage1: 20}}</c>) by the same schema as a settings block, so a key
/// or value is refused for the same reasons and with the same bound as in a file.
/// </summary>
public static class SettingOverrides
{
    /// <exception cref="FormatException">An assignment that is not <c>key=value</c>, an unknown key, or a value out of its bound.</exception>
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = equals > 0 ? (assignment[..equals].Trim(), assignment[(equals + 1)..].Trim()) : ("", "");
            if (key.Length == 0 || !key.Split('.').All(Names.IsPlainIdentifier) || !value.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E') || value.Length == 0)
            {
                throw new FormatException($"--set {assignment}: write key=number with a setting's key, e.g. --set epochs.stage1=20 (`lavae settings` lists them)");
            }

            try
            {
                var file = StrictYamlFile.Parse($"--set {assignment}", AsYaml(key, value));
                foreach (var (read, number) in SettingsSchema.Read(file, file.Root, "", complete: false))
                {
                    values[read] = number;
                }
            }
            catch (ExperimentFormatException e)
            {
                throw new FormatException($"--set {assignment}: {e.Problem}", e);
            }
        }

        return values;
    }

    // epochs.stage1, 20 → {epochs: {stage1: 20}}
    private static string AsYaml(string key, string value)
    {
        var parts = key.Split('.');
        var yaml = new StringBuilder();
        foreach (var part in parts)
        {
            yaml.Append('{').Append(part).Append(": ");
        }

        return yaml.Append(value).Append('}', parts.Length).ToString();
    }
}
