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
    FamiliesCommand.Create(),
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
    // System.CommandLine lists the accepted values of an option one a line; a user error stays one line.
    var problems = parsed.Errors.Select(e => string.Join(" ", e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).Reverse();
    Console.Error.WriteLine($"lavae: {string.Join("; ", problems)} ({help} lists what it accepts)");
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
