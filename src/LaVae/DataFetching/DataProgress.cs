namespace LaVae.DataFetching;

/// <summary>
/// How far a fetch of one dataset file has got: a few reports per file (its start, every quarter, its
/// end). <paramref name="BytesTotal"/> is null when the source does not say how big the file is. The
/// store's first report for a file, before any source is asked, says once in <paramref name="Reason"/>
/// why the file is fetched (it is not there, or its MD5 does not match; <paramref name="Source"/> is the
/// first source it asks). A source that fails is reported with what it answered in
/// <paramref name="Failure"/> (unreachable, HTTP 404, a file with the wrong MD5), before the next one is asked.
/// </summary>
public readonly record struct DataProgress(string FileName, string Source, long BytesDone, long? BytesTotal, string? Reason = null, string? Failure = null);
