namespace LaVae.DataFetching;

/// <summary>What a dataset's files must hash to, and where to fetch them from, tried in order.</summary>
internal sealed record DatasetDefinition(DatasetFiles Files, IReadOnlyList<IDatasetSource> Sources);
