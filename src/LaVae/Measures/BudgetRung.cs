using LaVae.Training;

namespace LaVae.Measures;

/// <summary>
/// One rung of a budget ladder (<c>budgets:</c> in an experiment file): the experiment's models trained
/// and measured again under these settings, its metrics named <c>budget.&lt;name&gt;.&lt;metric&gt;</c>.
/// </summary>
public sealed record BudgetRung(string Name, TrainingSettings Settings)
{
    /// <summary>The first word of every budget metric.</summary>
    public const string MetricPrefix = "budget";

    /// <summary>Images that pass through stage 1 (and each CVAE with as many epochs): the four aligned sets of every training digit, once an epoch.</summary>
    public double ImagesSeen => Settings[Setting.TrainImages] * 4.0 * Settings[Setting.Stage1Epochs];

    /// <summary>The name of <paramref name="metric"/> measured on this rung.</summary>
    public string Metric(string metric) => $"{MetricPrefix}.{Name}.{metric}";

    /// <summary>The metric that reports <see cref="ImagesSeen"/>, the ladder's x axis.</summary>
    public string ImagesSeenMetric => Metric("images_seen");
}
