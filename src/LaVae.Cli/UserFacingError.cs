using LaVae.IO;
using LaVae.Experiments;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Cli;

/// <summary>
/// The errors a user can act on (a bad file, a wrong name, a busy folder, a diverged run), printed
/// as one message; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class UserFacingError
{
    public static string? Describe(Exception error) => error switch
    {
        ExperimentFormatException or OutputFolderInUseException or TrainingDivergedException or TorchException or ArtifactMissingException => error.Message,
        FormatException => error.Message,
        KeyNotFoundException or ArgumentException or InvalidDataException or IOException or InvalidOperationException => error.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
