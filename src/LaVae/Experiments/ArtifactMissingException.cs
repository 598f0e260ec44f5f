namespace LaVae.Experiments;

/// <summary>A trained part another share or level was to provide is not in the store: a user-facing error.</summary>
public sealed class ArtifactMissingException(string message) : Exception(message);
