using LaVae.Artifacts;

namespace LaVae.Measures;

/// <summary>
/// A kind of measurement an experiment may ask for (<c>measures: [reconstruction]</c>): the metric
/// names it reports, the trained parts it needs, and how it computes them for one seed. One class per
/// measure, found by <see cref="MeasureRegistry"/>. Measures compute numbers; they write no files.
/// </summary>
public interface IMeasure
{
    string Name { get; }

    /// <summary>Why the design cannot be measured this way (e.g. it declares no pair), or null.</summary>
    string? Problem(ExperimentDesign design);

    /// <summary>Every metric name it reports for the design; claims may use exactly these.</summary>
    IEnumerable<string> MetricNames(ExperimentDesign design);

    /// <summary>The trained parts it reads for one seed.</summary>
    IEnumerable<ArtifactSpec> Needs(ExperimentDesign design, int seed);

    IReadOnlyDictionary<string, double> Measure(ExperimentDesign design, int seed, ArtifactProvider artifacts);
}
