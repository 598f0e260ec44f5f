namespace LaVae.DataFetching;

/// <summary>
/// A place a dataset file can be fetched from. A source writes the raw IDX bytes of the file to
/// the stream it is given, and throws, with a message saying why, when it cannot; the store checks
/// the raw MD5 afterwards, so a source need not (but one that fetches a .gz checks the .gz MD5).
/// </summary>
internal interface IDatasetSource
{
    /// <summary>Names the source in progress reports and error messages (a URL, a package, a folder).</summary>
    string Description { get; }

    Task FetchAsync(DatasetFile file, Stream destination, IProgress<DataProgress>? progress, CancellationToken cancellationToken);
}
