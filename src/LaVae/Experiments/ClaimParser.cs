using YamlDotNet.RepresentationModel;

namespace LaVae.Experiments;

/// <summary>
/// Reads one entry of <c>claims</c>. Exactly one of the kind keys says what is claimed:
/// <code>
/// near: table1.lavae.total   (with metric, relative_tolerance)   within a fraction of a paper value
/// less_than: other.metric    (with metric)                       metric &lt; other metric
/// at_most: 150               (with metric)                       metric ≤ absolute bound
/// order: [a, b, c]                                               a &lt; b &lt; c
/// </code>
/// Every claim has <c>id</c> and <c>profiles</c>, and may have <c>description</c> and
/// <c>on: mean | every_seed</c>: with several seeds, whether the mean over seeds must satisfy it
/// (the default) or each seed's metrics on their own; and <c>not_reproduced: "why"</c>, which declares
/// (after measuring) that the statement does not hold here: it is still measured and reported, the
/// test passes while it fails and fails once it holds, like pytest's strict xfail.
/// </summary>
internal static class ClaimParser
{
    private static readonly string[] KindKeys = ["near", "less_than", "at_most", "at_least", "order"];

    private static readonly string[] KnownKeys =
        ["id", "description", "profiles", "on", "not_reproduced", "metric", "relative_tolerance", .. KindKeys];

    public static Claim Parse(ExperimentScope scope, YamlNode node, string path)
    {
        var file = scope.File;
        var claim = file.Mapping(node, path, KnownKeys);
        var id = scope.Identifier(claim.Required("id"), claim.PathOf("id"));
        var description = claim.OptionalString("description");
        var profiles = scope.Profiles(claim.Required("profiles"), claim.PathOf("profiles"));
        var location = file.LocationOf(node);

        var kinds = KindKeys.Where(claim.Has).ToList();
        if (kinds.Count == 0)
        {
            throw file.Error(node, $"claim '{id}' must say what it claims with one of: {string.Join(", ", KindKeys)}");
        }

        if (kinds.Count > 1)
        {
            throw file.Error(claim.KeyNode(kinds[1]), $"claim '{id}' combines '{kinds[0]}' and '{kinds[1]}'; write two claims");
        }

        var kind = kinds[0];
        var claimed = Build(scope, claim, kind, id, description, profiles, location);
        claimed.EverySeed = claim.OptionalString("on") switch
        {
            null or "mean" => false,
            "every_seed" => true,
            var other => throw file.Error(claim.Required("on"), $"'on' must be 'mean' or 'every_seed', found '{other}'"),
        };
        claimed.NotReproducedReason = claim.OptionalString("not_reproduced") is { } reason
            ? reason.Trim().Length > 0 ? reason.Trim() : throw file.Error(claim.Required("not_reproduced"), "'not_reproduced' must say why the claim does not hold")
            : null;
        return claimed;
    }

    private static Claim Build(
        ExperimentScope scope, StrictMapping claim, string kind, string id, string? description, IReadOnlyList<string> profiles, SourceLocation location)
    {
        var file = scope.File;
        Forbid(file, claim, kind, id, kind switch
        {
            "near" => [],
            "order" => ["metric", "relative_tolerance"],
            _ => ["relative_tolerance"],
        });
        return kind switch
        {
            "near" => new NearPaperClaim(
                id, description, profiles, location,
                Metric(scope, claim),
                scope.PaperReference(claim.Required("near"), claim.PathOf("near")),
                RelativeTolerance(file, claim)),
            "less_than" => new OrderClaim(
                id, description, profiles, location,
                Distinct(file, claim.Required("less_than"), [Metric(scope, claim), scope.Metric(claim.Required("less_than"), claim.PathOf("less_than"))])),
            "at_most" => new BoundClaim(id, description, profiles, location, Metric(scope, claim), claim.RequiredNumber("at_most"), atLeast: false),
            "at_least" => new BoundClaim(id, description, profiles, location, Metric(scope, claim), claim.RequiredNumber("at_least"), atLeast: true),
            _ => new OrderClaim(id, description, profiles, location, Order(scope, claim)),
        };
    }

    private static string Metric(ExperimentScope scope, StrictMapping claim) =>
        scope.Metric(claim.Required("metric"), claim.PathOf("metric"));

    // A fraction, not a percentage: 10 for "10%" would accept anything.
    private static double RelativeTolerance(StrictYamlFile file, StrictMapping claim)
    {
        var tolerance = claim.RequiredNumber("relative_tolerance");
        return tolerance is > 0 and < 1
            ? tolerance
            : throw file.Error(claim.Required("relative_tolerance"), $"'relative_tolerance' must be a fraction between 0 and 1 (0.10 for 10%), found {NumberText.Exact(tolerance)}");
    }

    private static List<string> Order(ExperimentScope scope, StrictMapping claim)
    {
        var node = claim.Required("order");
        var items = scope.File.List(node, claim.PathOf("order"));
        if (items.Count < 2)
        {
            throw scope.File.Error(node, "'order' must list at least two metrics, smallest first");
        }

        return Distinct(scope.File, node, items.Select((item, i) => scope.Metric(item, $"{claim.PathOf("order")}[{i}]")).ToList());
    }

    private static List<string> Distinct(StrictYamlFile file, YamlNode node, List<string> metrics)
    {
        var repeated = metrics.GroupBy(metric => metric, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return repeated is null ? metrics : throw file.Error(node, $"metric '{repeated.Key}' cannot be compared with itself");
    }

    private static void Forbid(StrictYamlFile file, StrictMapping claim, string kind, string id, string[] keys)
    {
        var key = keys.FirstOrDefault(claim.Has);
        if (key is not null)
        {
            throw file.Error(claim.KeyNode(key), $"'{key}' does not apply to claim '{id}', which uses '{kind}'");
        }
    }
}
