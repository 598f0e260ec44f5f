using System.Globalization;
using LaVae.Experiments;

namespace LaVae.Reports;

/// <summary>
/// The composability, inversion and recursion metrics as one table each, a row per pair (or per map):
/// their names have more than three parts, so the Table I style tables do not show them. A column a run
/// did not measure reads "—"; a measure a run did not ask for gives no table.
/// </summary>
internal static class ComposabilityTables
{
    public static IEnumerable<ReportTable> Build(RunResults results)
    {
        var pairs = results.Run.Pairs.Select(pair => string.Join(',', pair)).ToList();
        var metrics = results.Measurements.Metrics;
        if (pairs.Any(pair => metrics.ContainsKey($"composability.{pair}.image_commutator")))
        {
            (string Header, string Metric)[] columns =
            [
                ("image commutator", "image_commutator"), ("image redraw", "image_redraw_difference"),
                ("latent commutator", "lavae.latent_commutator"), ("decoded commutator", "lavae.decoded_commutator"), ("LAVAE compose BCE", "lavae.bce.compose"),
                ("LAVAE reverse compose BCE", "lavae.bce.reverse_compose"), ("CVAE_AugInv compose BCE", "cvae_auginv.bce.compose"),
            ];
            yield return Table(
                "Composability: relative commutators (mean ‖difference‖ / mean ‖A2(A1(x0))‖ or ‖z0·L1·L2‖) and composition errors per image",
                pairs, columns.Select(c => c.Header), pair => columns.Select(c => Value(results, $"composability.{pair}.{c.Metric}")));
        }

        if (pairs.Any(pair => metrics.ContainsKey($"inversion.{pair}.lavae.bce.orig")))
        {
            string[] columns =
            [
                "bce.orig", "bce.inverse_aug1", "bce.inverse_aug2", "bce.inverse_compose", "bce.involutory_inverse_aug1",
                "bce.involutory_inverse_aug2", "bce.uninverted_aug1", "bce.uninverted_aug2", "bce.uninverted_compose",
                "involution_residual.l1", "involution_residual.l2", "condition.l1", "condition.l2",
            ];
            yield return Table(
                "Inversion (LAVAE): BCE per image against x0; ‖L·L − I‖_F and condition numbers of the maps",
                pairs, columns, pair => columns.Select(column => Value(results, $"inversion.{pair}.lavae.{column}")));
        }

        var maps = results.Run.Pairs.SelectMany(pair => pair.Select(map => $"{string.Join(',', pair)}.lavae.{map}")).ToList();
        if (maps.Any(map => metrics.ContainsKey($"recursion.{map}.stable_bound")))
        {
            string[] steps = ["step1", "step2", "step4", "step8"];
            var headers = steps.Select(step => $"loop {step}").Concat(steps.Select(step => $"power {step}"))
                .Concat(["bound", "stable (loop)", "stable (power)"]);
            yield return Table(
                "Recursion (LAVAE): SSE per image against Aⁿ(x0), median [quartiles], of the image loop and the latent power; stable = share of digits within the bound at step 8",
                maps, headers, map =>
                    steps.Select(step => Quartiles(results, $"recursion.{map}.image_loop.{step}"))
                        .Concat(steps.Select(step => Quartiles(results, $"recursion.{map}.latent_power.{step}")))
                        .Concat([
                            Value(results, $"recursion.{map}.stable_bound"),
                            Value(results, $"recursion.{map}.image_loop.stable_share"),
                            Value(results, $"recursion.{map}.latent_power.stable_share"),
                        ]),
                "pair.lavae.map");
        }
    }

    private static ReportTable Table(string caption, List<string> rows, IEnumerable<string> headers, Func<string, IEnumerable<string>> cells, string first = "pair") =>
        new(caption, [first, .. headers], rows.Select(row => (IReadOnlyList<ReportCell>)[new ReportCell(row), .. cells(row).Select(text => new ReportCell(text))]).ToList());

    private static string Value(RunResults results, string metric) =>
        results.Measurements.Metrics.TryGetValue(metric, out var value) ? Format(value) : "—";

    // Commutators and shares are small fractions: three decimals below 1, one above (errors of tens to thousands).
    private static string Format(double value) => value.ToString(Math.Abs(value) < 1 ? "0.###" : "0.#", CultureInfo.InvariantCulture);

    private static string Quartiles(RunResults results, string prefix) =>
        $"{Value(results, $"{prefix}.median")} [{Value(results, $"{prefix}.q1")}, {Value(results, $"{prefix}.q3")}]";
}
