namespace LaVae.Training;

/// <summary>
/// A checkpoint turned out unresumable only once a stage began (its optimizer moments do not fit the
/// stage's parameters) and was set aside; the model already holds its weights, so the part is built
/// and trained again from the start by whoever asked for it. <see cref="Exception.Message"/> is the
/// one-line notice naming the file and where it went.
/// </summary>
public sealed class CheckpointSetAsideException(string notice) : Exception(notice);
