using System.CommandLine;
using LaVae.Cli;
using LaVae.Cli.Commands;
using LaVae.Cli.Rendering;
using Spectre.Console;

if (!Interactive.IsTerminal)
{
    // CI logs and files get plain text: no colour codes, no live redrawing.
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
}

var root = new RootCommand("LaVae: reproduce 'Towards Composable Distributions of Latent Space Augmentations' on libtorch.")
{
    RunCommand.Create(),
    ListCommand.Create(),
    PlanCommand.Create(),
    TrainCommand.Create(),
    ReportCommand.Create(),
    AcceptCommand.Create(),
    AugmentCommand.Create(),
    BenchCommand.Create(),
    DataCommand.Create(),
    InfoCommand.Create(),
    SettingsCommand.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A mistyped option or value is a user error like any other: one line, exit code 2.
    var help = parsed.CommandResult.Command == root ? "lavae --help" : $"lavae {parsed.CommandResult.Command.Name} --help";
    Console.Error.WriteLine($"lavae: {string.Join("; ", parsed.Errors.Select(e => e.Message).Reverse())} ({help} lists what it accepts)");
    return 2;
}

try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error) when (UserFacingError.Describe(error) is { } message)
{
    Console.Error.WriteLine($"lavae: {message}");
    return 2;
}
