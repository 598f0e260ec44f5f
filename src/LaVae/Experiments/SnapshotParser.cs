using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>Reads one entry of <c>snapshots</c>: name, model, digits, max_mean_abs_diff, profiles.</summary>
internal static class SnapshotParser
{
    private static readonly string[] KnownKeys = ["name", "model", "digits", "max_mean_abs_diff", "profiles"];

    public static SnapshotSpec Parse(ExperimentScope scope, YamlNode node, string path)
    {
        var file = scope.File;
        var snapshot = file.Mapping(node, path, KnownKeys);
        var digits = snapshot.RequiredInteger("digits");
        if (digits < 1)
        {
            throw file.Error(snapshot.Required("digits"), $"'digits' must be at least 1, found {digits}");
        }

        var tolerance = snapshot.RequiredNumber("max_mean_abs_diff");
        if (tolerance is < 0 or > 255)
        {
            throw file.Error(snapshot.Required("max_mean_abs_diff"), $"'max_mean_abs_diff' is on the 0..255 pixel scale, found {NumberText.Exact(tolerance)}");
        }

        return new SnapshotSpec(
            scope.Identifier(snapshot.Required("name"), snapshot.PathOf("name")),
            scope.Model(snapshot.Required("model"), snapshot.PathOf("model")),
            digits,
            tolerance,
            scope.Profiles(snapshot.Required("profiles"), snapshot.PathOf("profiles")),
            file.LocationOf(node));
    }
}
