namespace LaVae.Data;

/// <summary>
/// How far a fetch of one dataset file has got: a few reports per file (its start, every quarter, its
/// end). <paramref name="BytesTotal"/> is null when the source does not say how big the file is. The
/// store's first report for a source, before any byte, says in <paramref name="Reason"/> why the file
/// is fetched (it is not there, or its MD5 does not match).
/// </summary>
public readonly record struct DataProgress(string FileName, string Source, long BytesDone, long? BytesTotal, string? Reason = null);
