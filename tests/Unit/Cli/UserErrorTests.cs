using System.Diagnostics;
using System.Globalization;
using LaVae.Experiments;
using LaVae.Tests.Unit.Support;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Cli;

/// <summary>
/// Whatever a user can type, or a machine can do to a user, ends `lavae` with exit code 2 and one line
/// on stderr, "lavae: ...", naming the bad value: no stack trace, no help page. The built CLI runs as a
/// child process in a tiny repository (the paper baselines and one tiny experiment), so nothing it could
/// start trains for long.
/// </summary>
public sealed class UserErrorTests : IDisposable
{
    private const string Tiny = "experiments/tiny.yaml";

    // Far above the second or two a refused command takes; a guard against one that trains after all.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// Repository variant, arguments, and what the line must contain. In both, {file} is an existing
    /// file and {tmp} the test's folder.
    /// </summary>
    public static TheoryData<string, string, string> Rows => new()
    {
        { "valid", $"run {Tiny} --device cuda:abc", "--device: 'cuda:abc' is not a device; use cpu, cuda or cuda:N" },
        { "valid", $"run {Tiny} --device gpu", "--device: 'gpu' is not a device; *" },
        { "valid", $"run {Tiny} --device cuda:7", "--device cuda:7: device cuda:7 is not available: this libtorch sees * CUDA device(s) (TorchSharp-cpu sees none; *" },
        { "valid", $"run {Tiny} --threads -1", "--threads must be between 0 and * found -1" },
        { "valid", $"run {Tiny} --threads many", "Cannot parse argument 'many' for option '--threads'*" },
        { "valid", $"run {Tiny} --profile nope", "--profile 'nope': experiments/tiny.yaml has no such profile (known: paper, smoke)" },
        { "valid", $"run {Tiny} --out /proc/lavae-test", "output folder /proc/lavae-test cannot be created: *" },
        { "valid", $"run {Tiny} --out {{file}}", "output folder {file} cannot be written: it is a file, not a folder" },
        { "valid", $"run {Tiny} --shard 3/2", "--shard: shard '3/2' must be i/n with 1 <= i <= n, e.g. 1/4, or any" },
        { "valid", $"run {Tiny} --shard any", "--shard any is for `lavae train` (processes side by side each take the next free part); `lavae run` then measures" },
        { "valid", $"run {Tiny} --set epochs.stage1=-1", "--set epochs.stage1=-1: 'epochs.stage1' must be at least 0, found -1" },
        { "valid", $"run {Tiny} --set filters=100000", "--set filters=100000: 'filters' must be at most 1024, found 100000" },
        { "valid", $"run {Tiny} --data {{file}}",
            "{file}/mnist/*-idx*-ubyte cannot be read: the data folder {file} is a file, not a folder; point --data or LAVAE_DATA at a folder" },
        { "valid", "run tiny-typo", "no experiment 'tiny-typo' (known: tiny)" },
        { "valid", "run experiments/", "experiments/ is a folder; name one experiment file in it (`lavae list --files` lists them) or an experiment id" },
        { "valid", "plan missing.yaml", "missing.yaml not found" },
        { "valid", $"plan {Tiny} --shards 0", "--shards must be at least 1, found 0" },
        { "valid", "bench --steps 0", "--steps must be at least 1, found 0" },
        { "valid", "bench --busy 100000", "--busy must be between 0 and * found 100000" },
        { "valid", "data fetch mnst", "dataset 'mnst' is not a dataset LaVae knows (known: mnist, fashion-mnist)" },
        { "valid", "report --runs {tmp}/no-runs", "no results.json under {tmp}/no-runs*" },
        { "valid", "frobnicate", "*'frobnicate'*" },
        { "valid", $"run {Tiny} --out ", "--out: '' is not a path; name a folder or file, or leave --out out" },
        { "valid", $"run {Tiny} --store ", "--store: '' is not a path; *" },
        { "valid", "augment flip_lr,flip_ud --out ", "--out: '' is not a path; *" },
        { "valid", $"run {Tiny} --out {{tmp}}/valid/store/lavae-0", "--out {tmp}/valid/store/lavae-0: it is inside the artifact store {tmp}/valid/store, *" },
        { "valid", $"run {Tiny} --out {{tmp}}/locked", "{tmp}/locked/.lavae.lock is a folder, where LaVae keeps its lock file; remove that folder" },
        { "valid", $"run {Tiny} --shard 1/1 --level 9", "--level must be between 0 and 0, found 9" },
        { "valid", "accept {tmp}", "accept: {tmp} is outside the repository {tmp}/valid; accept replaces snapshots of this repository only" },
        { "valid", "accept ..", "accept: {tmp} is outside the repository {tmp}/valid; *" },
        { "valid", "accept /", "accept: / is outside the repository {tmp}/valid; *" },
        { "valid", "augment flip_lr,flip_lr --out {tmp}/grid.png", "'flip_lr,flip_lr' names flip_lr twice; a pair is two different augmentations, e.g. flip_lr,flip_ud" },
        { "valid", "augment flip_lr,flip_ud --count 100000 --out {tmp}/grid.png", "--count must be between 1 and 100, found 100000" },
        { "valid", "augment rotate_45,flip_ud --out {tmp}/grid.png", "unknown augmentation 'rotate_45' (known: *; a declared one is shown through its experiment file)" },
        { "declared-shadow", $"augment {Tiny} --out {{tmp}}/grid.png", "experiments/tiny.yaml:7:3: 'flip_ud' is one of the paper's augmentations; *" },
        { "declared-bound", $"run {Tiny}", "experiments/tiny.yaml:7:28: 'augmentations.tilt.rotate.degrees' is 400; it must be a number in [-360, 360] or a range [low, high] within it (*)" },
        { "declared-family", $"plan {Tiny}", "experiments/tiny.yaml:7:10: unknown augmentation family 'twist' (known: *)" },
        { "valid", "augment flip_lr,flip_ud --format jpg --out {tmp}/grid.png", "Argument 'jpg' not recognized. Must be one of: 'png' 'idx' (lavae augment --help lists what it accepts)" },
        { "valid", "run experiments/settings.yaml", "experiments/settings.yaml holds the settings and profiles every experiment shares; it is not an experiment (`lavae list` names them)" },
        { "valid", "settings tiny --profile nope", "experiment 'tiny' has no profile 'nope' (known: paper, smoke)" },
        { "valid", "settings tiny-typo", "no experiment 'tiny-typo' (known: tiny)" },
        { "valid", "settings {tmp}/elsewhere/tiny.yaml", "{tmp}/elsewhere/tiny.yaml not found" },
        { "valid", "settings experiments", "experiments is a folder; name one experiment file in it (`lavae list --files` lists them) or an experiment id" },
        { "syntax-error", $"run {Tiny}", "experiments/tiny.yaml:6:8: malformed YAML here: is a '[' or '{' left open?" },
        { "too-many-images", $"run {Tiny}", "experiments/tiny.yaml:16:17: 'settings.train_images' is 70000, but mnist has 60000 training images" },
        { "no-stage1", $"plan {Tiny}",
            "experiments/tiny.yaml:22:22: 'profiles.smoke.epochs.stage1' is 0, so profile 'smoke' would train LAVAE for no epochs; give it at least 1" },
        { "dot-id", "run experiments/...yaml", "experiments/...yaml:1:5: id '..' must be letters, digits, '-' and '_' only, as it names the run's folder" },
        { "tab-indent", $"plan {Tiny}", "experiments/tiny.yaml:11:1: a tab indents this line; YAML indents with spaces" },
        { "same-augmentation-twice", $"plan {Tiny}", "experiments/tiny.yaml:6:*: 'pair' names flip_lr twice; a pair is two different augmentations" },
        { "long-title", $"plan {Tiny}", "experiments/tiny.yaml:2:8: 'title' must be one line of at most 200 characters, found 300 characters" },
        { "huge-filters", $"plan {Tiny}", "experiments/tiny.yaml:*: 'settings.filters' must be at most 1024, found 100000" },
        { "shared-folder", "settings", "experiments/settings.yaml is a folder; it must be the file of the settings and profiles every experiment shares (or be absent)" },
        { "shared-folder", "settings tiny", "experiments/settings.yaml is a folder; *" },
        { "shared-folder", $"plan {Tiny}", "experiments/settings.yaml is a folder; *" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_user_error_is_one_line_naming_the_bad_value_and_exit_code_2(string repository, string arguments, string expected)
    {
        var file = Path.Combine(folder.Path, "a-file");
        File.WriteAllText(file, "not a folder");
        Directory.CreateDirectory(Path.Combine(folder.Path, "locked", ".lavae.lock"));
        string Fill(string text) => text.Replace("{file}", file, StringComparison.Ordinal).Replace("{tmp}", folder.Path, StringComparison.Ordinal);

        var (exitCode, _, stderr) = Lavae(WriteRepository(repository), Fill(arguments).Split(' '));

        stderr.Should().ContainSingle("a user error is one line on stderr, not a stack trace; stderr was:\n{0}", string.Join('\n', stderr))
            .Which.Should().Match($"lavae: {Fill(expected)}");
        exitCode.Should().Be(2);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_read_only_output_folder_is_one_line_unless_the_user_may_write_it_anyway()
    {
        var readOnly = Directory.CreateDirectory(Path.Combine(folder.Path, "read-only")).FullName;
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (CanWrite(readOnly))
            {
                // root writes whatever the mode says: there is nothing to refuse, and lavae should not refuse it either.
                Environment.UserName.Should().Be("root", "only root writes into a folder whose mode forbids it");
                return;
            }

            var (exitCode, _, stderr) = Lavae(WriteRepository("valid"), ["run", Tiny, "--out", readOnly]);

            stderr.Should().ContainSingle().Which.Should().Match($"lavae: output folder {readOnly} cannot be written: *denied*");
            exitCode.Should().Be(2);
        }
        finally
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("LAVAE_STORE", "   ", "plan experiments/tiny.yaml", "LAVAE_STORE: '   ' is not a path; name a folder, or unset LAVAE_STORE")]
    [InlineData("LAVAE_DATA", "   ", "data fetch mnist", "LAVAE_DATA: '   ' is not a path; name a folder, or unset LAVAE_DATA")]
    public void An_environment_value_that_names_no_folder_is_one_line_and_exit_code_2_and_nothing_is_written(string variable, string value, string arguments, string expected)
    {
        var repository = WriteRepository("valid");
        var environment = new Dictionary<string, string?> { [variable] = value, ["XDG_CACHE_HOME"] = null };

        var (exitCode, _, stderr) = Lavae(repository, arguments.Split(' '), environment);

        stderr.Should().ContainSingle().Which.Should().Be($"lavae: {expected}");
        exitCode.Should().Be(2);
        Directory.EnumerateFileSystemEntries(repository, "*", SearchOption.AllDirectories)
            .Should().NotContain(path => path.Contains(".cache", StringComparison.Ordinal) || Path.GetFileName(path).Trim().Length == 0,
                "no folder named by the value, nor a relative cache folder, appears in the repository");
    }

    [Fact]
    public void List_files_with_a_profile_names_only_the_experiments_that_claim_something_under_it()
    {
        var (smokeCode, smoke, _) = Lavae(RepoRoot.Path, ["list", "--files", "--profile", "smoke"]);
        var (ladderCode, ladder, _) = Lavae(RepoRoot.Path, ["list", "--files", "--profile", "ladder"]);

        smokeCode.Should().Be(0);
        smoke.Should().Contain($"{ExperimentCatalog.ExperimentsFolder}/table1-flips.yaml")
            .And.NotContain($"{ExperimentCatalog.ExperimentsFolder}/table1-budget.yaml", "the ladder's hour of training stays out of CI's smoke run");
        ladderCode.Should().Be(0);
        ladder.Should().Equal($"{ExperimentCatalog.ExperimentsFolder}/table1-budget.yaml");
    }

    [Fact]
    public void A_broken_experiment_file_stops_only_the_commands_that_name_it()
    {
        var repository = WriteRepository("valid");
        File.WriteAllText(Path.Combine(repository, ExperimentCatalog.ExperimentsFolder, "broken.yaml"), "id: broken\ntitle: [\n");

        var (listCode, listOut, listErr) = Lavae(repository, ["list"]);
        listOut.Should().Contain(line => line.StartsWith("tiny: ", StringComparison.Ordinal), "the other experiments are still listed");
        listErr.Should().ContainSingle().Which.Should().StartWith("lavae: experiments/broken.yaml:");
        listCode.Should().Be(2, "a file that does not parse is still an error to fix");

        var (filesCode, filesOut, filesErr) = Lavae(repository, ["list", "--files"]);
        filesOut.Should().Equal([$"{ExperimentCatalog.ExperimentsFolder}/tiny.yaml"], "scripts get the files of the experiments, one a line");
        filesErr.Should().ContainSingle().Which.Should().StartWith("lavae: experiments/broken.yaml:");
        filesCode.Should().Be(2);

        var (settingsCode, _, settingsErr) = Lavae(repository, ["settings"]);
        settingsErr.Should().BeEmpty("the shared settings table reads no experiment file");
        settingsCode.Should().Be(0);
        var (tinySettingsCode, tinySettings, _) = Lavae(repository, ["settings", "tiny"]);
        tinySettings.Should().Contain("train_images: 64");
        tinySettingsCode.Should().Be(0, "another file's mistake does not concern this experiment");

        var (planCode, _, planErr) = Lavae(repository, ["plan", Tiny]);
        planErr.Should().BeEmpty("another file's mistake does not concern this experiment");
        planCode.Should().Be(0);

        var (runCode, _, runErr) = Lavae(repository, ["run", "broken"]);
        runErr.Should().ContainSingle().Which.Should().StartWith("lavae: experiments/broken.yaml:");
        runCode.Should().Be(2);
    }

    [Fact]
    public void An_unreadable_experiment_file_stops_only_the_commands_that_name_it()
    {
        var repository = WriteRepository("valid");
        // As root no file mode makes a file unreadable; a link to nothing cannot be read by anyone.
        File.CreateSymbolicLink(Path.Combine(repository, ExperimentCatalog.ExperimentsFolder, "gone.yaml"), Path.Combine(repository, "nowhere.yaml"));

        var (planCode, _, planErr) = Lavae(repository, ["plan", Tiny]);
        planErr.Should().BeEmpty("another file's trouble does not concern this experiment");
        planCode.Should().Be(0);

        var (runCode, _, runErr) = Lavae(repository, ["plan", "experiments/gone.yaml"]);
        runErr.Should().ContainSingle().Which.Should().StartWith("lavae: experiments/gone.yaml:1:1: cannot be read: ");
        runCode.Should().Be(2);

        Directory.CreateDirectory(Path.Combine(repository, ExperimentCatalog.ExperimentsFolder, "odd.yaml"));
        var (listCode, _, listErr) = Lavae(repository, ["list"]);
        listErr.Should().Contain("lavae: experiments/odd.yaml:1:1: is a folder; an experiment is a file", "a folder named like an experiment is not skipped without a word");
        listCode.Should().Be(2);
    }

    [Fact]
    public void A_shared_value_one_experiment_cannot_use_is_reported_where_it_is_written_naming_that_experiment()
    {
        var repository = WriteRepository("valid");
        File.WriteAllText(Path.Combine(repository, ExperimentCatalog.ExperimentsFolder, "settings.yaml"), "profiles: {smoke: {test_images: 100000}, paper: {}}\n");

        var (code, _, stderr) = Lavae(repository, ["plan", Tiny]);

        stderr.Should().ContainSingle().Which.Should().Match("lavae: experiments/settings.yaml:1:*: *test_images* is 100000, but mnist has 10000 test images (for experiments/tiny.yaml)");
        code.Should().Be(2);
    }

    private static bool CanWrite(string directory)
    {
        try
        {
            File.WriteAllText(Path.Combine(directory, "probe"), "");
            File.Delete(Path.Combine(directory, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Runs `lavae` in <paramref name="repository"/>; its exit code, stdout and stderr lines.</summary>
    private static (int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr) Lavae(
        string repository, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(LaVaeCli.DotnetHost())
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LaVaeCli.AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No data fetch may reach the network, and no store outside the test's folder is used.
        start.Environment[RepositoryRoot.StoreVariable] = Path.Combine(repository, "store");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"lavae {string.Join(' ', arguments)} ran longer than {Limit.TotalSeconds} s; stdout:\n{stdout.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A repository with the paper baselines and experiments/tiny.yaml, valid or broken as named.</summary>
    private string WriteRepository(string variant)
    {
        var root = Path.Combine(folder.Path, variant);
        var baselines = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.BaselinesFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, ExperimentCatalog.BaselinesFolder), "*.yaml"))
        {
            File.Copy(file, Path.Combine(baselines, Path.GetFileName(file)), overwrite: true);
        }

        var yaml = string.Create(CultureInfo.InvariantCulture, $$"""
            id: tiny
            title: "A tiny LAVAE on Flips"
            paper: "none"
            dataset: mnist
            seed: 3
            pair: [flip_lr, flip_ud]
            models: [lavae]
            measures: [reconstruction]
            {{TinyExperiment.SettingsAndProfiles}}

            """);
        yaml = variant switch
        {
            "valid" => yaml,
            "syntax-error" => yaml.Replace("pair: [flip_lr, flip_ud]", "pair: [flip_lr, flip_ud", StringComparison.Ordinal),
            "too-many-images" => yaml.Replace("train_images: 64", "train_images: 70000", StringComparison.Ordinal),
            "no-stage1" => yaml.Replace("  smoke: {}", "  smoke:\n    epochs: {stage1: 0}", StringComparison.Ordinal),
            "dot-id" => yaml.Replace("id: tiny", "id: ..", StringComparison.Ordinal),
            "tab-indent" => yaml.Replace("  latent: 16", "\tlatent: 16", StringComparison.Ordinal),
            "same-augmentation-twice" => yaml.Replace("pair: [flip_lr, flip_ud]", "pair: [flip_lr, flip_lr]", StringComparison.Ordinal),
            "long-title" => yaml.Replace("\"A tiny LAVAE on Flips\"", new string('t', 300), StringComparison.Ordinal),
            "huge-filters" => yaml.Replace("  filters: 4\n", "  filters: 100000\n", StringComparison.Ordinal),
            "shared-folder" => yaml,
            "declared-shadow" => yaml.Replace("pair: [flip_lr, flip_ud]", "augmentations:\n  flip_ud: {invert: }\npair: [flip_lr, flip_ud]", StringComparison.Ordinal),
            "declared-bound" => yaml.Replace("pair: [flip_lr, flip_ud]", "augmentations:\n  tilt: {rotate: {degrees: 400}}\npair: [tilt, flip_ud]", StringComparison.Ordinal),
            "declared-family" => yaml.Replace("pair: [flip_lr, flip_ud]", "augmentations:\n  tilt: {twist: {degrees: 4}}\npair: [tilt, flip_ud]", StringComparison.Ordinal),
            _ => throw new ArgumentException($"no repository variant '{variant}'", nameof(variant)),
        };
        var experiments = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.ExperimentsFolder)).FullName;
        // An id of '..' must come from a file named '...yaml', or the id check against the file name refuses it first.
        File.WriteAllText(Path.Combine(experiments, variant == "dot-id" ? "...yaml" : "tiny.yaml"), yaml);
        // The shared file declares the profiles; the tiny experiment writes every value itself.
        if (variant == "shared-folder")
        {
            Directory.CreateDirectory(Path.Combine(experiments, "settings.yaml"));
        }
        else
        {
            File.WriteAllText(Path.Combine(experiments, "settings.yaml"), "profiles: {smoke: {}, paper: {}}\n");
        }

        return root;
    }
}
