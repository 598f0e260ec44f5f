using System.CommandLine;
using LaVae.Reports;

namespace LaVae.Cli.Commands;

/// <summary><c>lavae families</c>: the augmentation families an experiment's <c>augmentations:</c> block declares from, with their parameters and bounds, as the README's Markdown table.</summary>
internal static class FamiliesCommand
{
    public static Command Create()
    {
        var command = new Command("families", "The augmentation families an experiment may declare augmentations from (parameters, bounds, defaults).");
        command.SetAction(_ =>
        {
            Console.Write(FamiliesTable.Markdown());
            return 0;
        });
        return command;
    }
}
