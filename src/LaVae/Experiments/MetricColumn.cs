namespace LaVae.Experiments;

/// <summary>One column a metric can report (<c>compose</c>), with the name reports print (<c>Compose</c>).</summary>
public sealed record MetricColumn(string Key, string DisplayName);
