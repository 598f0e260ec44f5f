namespace LaVae.Artifacts;

/// <summary>Where an artifact stands in the store.</summary>
public enum ArtifactState
{
    /// <summary>Nothing trained yet.</summary>
    Missing,

    /// <summary>A checkpoint of unfinished training: the next run resumes it.</summary>
    Partial,

    /// <summary>Trained to the end.</summary>
    Done,
}
