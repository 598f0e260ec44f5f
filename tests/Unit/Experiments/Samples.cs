using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// A small valid experiment and baseline table, written out so tests can point at exact lines and
/// columns. Error tests replace one snippet of <see cref="ExperimentYaml"/> and expect the message at it.
/// </summary>
internal static class Samples
{
    public const string ExperimentPath = "experiments/sample.yaml";

    /// <summary>The paper's settings block (paper.md section 2), 11 lines at column 0, ending with a newline.</summary>
    public const string PaperSettings = """
        settings:
          filters: 64
          latent: 16
          batch_size: 64
          learning_rate: 0.001
          kl_weight: 1.0
          involutory_weight: 1.0
          train_images: 60000
          test_images: 10000
          epochs: {stage1: 100, stage2: 60, stage3: 100, cvae: 100, classifier: 10}
          checkpoint_every: 10

        """;

    // Line numbers matter: tests quote them.
    public const string ExperimentYaml = $$$"""
        id: sample
        title: "Sample"
        paper: "Table I"
        dataset: mnist
        seed: 1
        pair: [flip_lr, flip_ud]
        models: [lavae, cvae_auginv]
        {{{PaperSettings}}}profiles:
          smoke: {train_images: 2000, epochs: {stage1: 4}}
          paper: {}
        claims:
          - id: lavae-total-near-paper
            metric: lavae.bce.total
            near: table1.lavae.total
            relative_tolerance: 0.10
            profiles: [paper]
          - id: composes-better
            description: "LAVAE composes better"
            metric: lavae.bce.compose
            less_than: cvae_auginv.bce.compose
            profiles: [smoke, paper]
        snapshots:
          - name: lavae-reconstructions
            model: lavae
            digits: 8
            max_mean_abs_diff: 6.0
            profiles: [smoke]
        measures: [reconstruction]
        figures: [reconstruction_grids]

        """;

    public const string TablePath = "baselines/paper/table1.yaml";

    public const string TableYaml = """
        title: "Table I"
        source: "arXiv 2303.03462, Table I"
        lavae: {orig: 68.34, compose: 81.57, total: 297.1}
        cvae_auginv: {orig: 99.15, compose: 299.12, total: 695.68}

        """;

    public static PaperBaselines Baselines { get; } =
        new([PaperTableParser.Parse(TablePath, TableYaml, ExperimentVocabulary.Default)]);

    public static Experiment Parse(string yaml) =>
        new ExperimentParser(ExperimentVocabulary.Default, Baselines).Parse(ExperimentPath, yaml);

    /// <summary>The sample with <paramref name="snippet"/> (which must occur exactly once) replaced.</summary>
    public static string With(string snippet, string replacement)
    {
        var first = ExperimentYaml.IndexOf(snippet, StringComparison.Ordinal);
        if (first < 0 || ExperimentYaml.IndexOf(snippet, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{snippet}' must occur once in the sample", nameof(snippet));
        }

        return ExperimentYaml.Replace(snippet, replacement, StringComparison.Ordinal);
    }

    public static IReadOnlyDictionary<string, double> Metrics(params (string Name, double Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value);
}
