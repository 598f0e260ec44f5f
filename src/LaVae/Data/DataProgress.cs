namespace LaVae.Data;

/// <summary>
/// How far a fetch of one dataset file has got. <paramref name="BytesTotal"/> is null when the
/// source does not say how big the file is.
/// </summary>
public readonly record struct DataProgress(string FileName, string Source, long BytesDone, long? BytesTotal);
