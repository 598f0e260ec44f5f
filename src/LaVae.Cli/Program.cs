using System.CommandLine;
using LaVae.Cli.Commands;

var root = new RootCommand("LaVae: reproduce 'Towards Composable Distributions of Latent Space Augmentations' on libtorch.")
{
    RunCommand.Create(),
    ListCommand.Create(),
    ReportCommand.Create(),
    AcceptCommand.Create(),
    AugmentCommand.Create(),
    BenchCommand.Create(),
    DataCommand.Create(),
    InfoCommand.Create(),
};
return root.Parse(args).Invoke();
