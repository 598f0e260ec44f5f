using LaVae.IO;
using LaVae.Experiments;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Cli;

/// <summary>
/// The errors a user can act on, printed as one message: a value they typed, a file they wrote, a folder
/// the machine will not let us write, a damaged or missing file, a busy folder, a diverged run. Anything
/// else is a bug and keeps its stack trace: library code throws argument and state exceptions for its
/// callers' mistakes, so those are not described here; the CLI turns what users type into
/// <see cref="UserInputException"/> where it reads it.
/// </summary>
internal static class UserFacingError
{
    public static string? Describe(Exception error) => error switch
    {
        UserInputException or ExperimentFormatException or OutputFolderInUseException or TrainingDivergedException or ArtifactMissingException => error.Message,
        System.Runtime.InteropServices.ExternalException => OneLine(error.Message.Split('\n')[0]),
        IOException or UnauthorizedAccessException or InvalidDataException => OneLine(error.Message),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };

    // .NET's file errors are one line already; this keeps a multi-line message from a source we do not
    // control to the one line a user error gets.
    private static string OneLine(string message) => string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
