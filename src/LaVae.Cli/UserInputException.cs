namespace LaVae.Cli;

/// <summary>
/// A value the user typed that the command cannot use (an option out of range, a name it does not know).
/// The message names the value and what would be accepted; it is printed as one line, exit code 2.
/// </summary>
internal sealed class UserInputException(string message, Exception? innerException = null) : Exception(message, innerException);
