using System.CommandLine;
using LaVae.Experiments;
using LaVae.Reports;
using LaVae.Training;

namespace LaVae.Cli.Commands;

/// <summary>
/// <c>lavae settings</c>: every declared setting with its shared values, as the README's Markdown table;
/// <c>lavae settings &lt;experiment&gt; [--profile P]</c>: the values one experiment resolves to.
/// </summary>
internal static class SettingsCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string?>("experiment") { Description = "An experiment id or YAML file: print the values it resolves to.", Arity = ArgumentArity.ZeroOrOne };
        var profile = new Option<string>("--profile") { Description = "The profile to resolve (with an experiment).", DefaultValueFactory = _ => "smoke" };
        var command = new Command("settings", "Every training setting (key, type, shared values, meaning), or one experiment's resolved values.") { experiment, profile };
        command.SetAction(parse =>
        {
            if (parse.GetValue(experiment) is not { } name)
            {
                // The shared table does not depend on any one experiment file, so a broken one does not stop it.
                Console.Write(SettingsTable.Markdown(ExperimentCatalog.LoadEach(RepositoryRoot.Find(Directory.GetCurrentDirectory()))));
                return 0;
            }

            // The file `lavae run` would read for the same argument, refused as `lavae run` refuses it.
            var (_, _, found) = CommonOptions.FindExperiment(name);

            var chosen = parse.GetValue(profile)!;
            if (!found.Profiles.Contains(chosen, StringComparer.Ordinal))
            {
                throw new UserInputException($"experiment '{found.Id}' has no profile '{chosen}' (known: {Names.List(found.Profiles)})");
            }

            var settings = found.Resolve(chosen).Run.Settings;
            foreach (var setting in Setting.All)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{setting.Key}: {settings.Value(setting)}"));
            }

            return 0;
        });
        return command;
    }
}
