using System.CommandLine;
using LaVae.Cli.Commands;

var root = new RootCommand("LaVae: reproduce 'Towards Composable Distributions of Latent Space Augmentations' on libtorch.");
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
