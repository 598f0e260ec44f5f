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
};
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error) when (UserFacingError.Describe(error) is { } message)
{
    Console.Error.WriteLine($"lavae: {message}");
    return 2;
}
