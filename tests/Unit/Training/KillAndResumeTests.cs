using System.Diagnostics;
using System.Globalization;
using System.Text;
using LaVae.Artifacts;
using LaVae.Experiments;
using LaVae.Tests.Unit.Support;
using LaVae.Torch.Serialization;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// The real thing: `lavae run` is started as a child process on a tiny experiment, killed (SIGKILL,
/// no chance to clean up) once it has checkpointed part of stage 1, and run again in the same output
/// folder. It must resume from the checkpoint and produce exactly the metrics, figure and final
/// checkpoint of a run that was never interrupted.
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private const string ExperimentId = "tiny-resume";
    private const int Stage1Epochs = 16;
    // A guard against a hung child, far above the 6-10 s the three runs take on 2 cores.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private readonly TempFolder folder = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_killed_lavae_run_resumes_from_its_checkpoint_and_ends_exactly_like_an_uninterrupted_one()
    {
        var experiment = WriteRepository();
        var killedFolder = Path.Combine(folder.Path, "killed");
        var referenceFolder = Path.Combine(folder.Path, "uninterrupted");
        var (killedStore, referenceStore) = (killedFolder + "-store", referenceFolder + "-store");

        using var reference = Lavae.Start(experiment, referenceFolder, referenceStore);
        using (var victim = Lavae.Start(experiment, killedFolder, killedStore))
        {
            WaitUntil(() => Position(CheckpointIn(killedStore)) is ("stage1", >= 3, false), victim, "a stage-1 checkpoint after epoch 3");
            victim.Process.Kill(entireProcessTree: true);
            victim.Process.WaitForExit();
        }

        var checkpoint = CheckpointIn(killedStore);
        var left = Position(checkpoint) ?? throw new InvalidOperationException("the checkpoint disappeared");
        (left.Stage == "stage1" && !left.Complete && left.Epochs < Stage1Epochs).Should().BeTrue(
            "the kill came in the middle of stage 1, but the checkpoint says {0}", left);
        File.Exists(Path.Combine(killedFolder, ResultsFile.FileName)).Should().BeFalse("the killed run never got to measuring");

        using (var resumed = Lavae.Start(experiment, killedFolder, killedStore))
        {
            Finish(resumed);
            resumed.Output.Should().Contain(
                $"[lavae/stage1] {Stage1Epochs} epochs x 16 batches, resuming after epoch {left.Epochs}",
                "the second run continues where the checkpoint left off");
        }

        Finish(reference);
        var expected = ResultsFile.Read(Path.Combine(referenceFolder, ResultsFile.FileName));
        var actual = ResultsFile.Read(Path.Combine(killedFolder, ResultsFile.FileName));
        actual.RunKey.Should().Be(expected.RunKey);
        actual.Measurements.Metrics.Keys.Should().BeEquivalentTo(expected.Measurements.Metrics.Keys).And.HaveCountGreaterThan(10);
        actual.Measurements.Metrics
            .Where(metric => BitConverter.DoubleToInt64Bits(metric.Value) != BitConverter.DoubleToInt64Bits(expected.Measurements.Metrics[metric.Key]))
            .Select(metric => string.Create(CultureInfo.InvariantCulture, $"{metric.Key}: resumed {metric.Value:R}, uninterrupted {expected.Measurements.Metrics[metric.Key]:R}"))
            .Should().BeEmpty("every metric of the resumed run equals the uninterrupted run's to the bit");
        File.ReadAllBytes(checkpoint).Should().Equal(File.ReadAllBytes(CheckpointIn(referenceStore)),
            "the final weights are the same");
        File.ReadAllBytes(Path.Combine(killedFolder, "figures", "lavae-reconstructions.png"))
            .Should().Equal(File.ReadAllBytes(Path.Combine(referenceFolder, "figures", "lavae-reconstructions.png")));
    }

    /// <summary>A repository folder the CLI recognises: the paper baselines and one tiny experiment in the schema of table1-flips.</summary>
    private string WriteRepository()
    {
        var root = Path.Combine(folder.Path, "repo");
        var baselines = Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.BaselinesFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, ExperimentCatalog.BaselinesFolder), "*.yaml"))
        {
            File.Copy(file, Path.Combine(baselines, Path.GetFileName(file)));
        }

        var experiment = Path.Combine(Directory.CreateDirectory(Path.Combine(root, ExperimentCatalog.ExperimentsFolder)).FullName, $"{ExperimentId}.yaml");
        File.WriteAllText(experiment, string.Create(CultureInfo.InvariantCulture, $$"""
            id: {{ExperimentId}}
            title: "Kill-and-resume test: a tiny LAVAE on Flips"
            paper: "none"
            dataset: mnist
            seed: 3
            pair: [flip_lr, flip_ud]
            models: [lavae]
            measures: [reconstruction]
            figures: [reconstruction_grids]
            settings:
              filters: 4
              latent: 16
              batch_size: 64
              learning_rate: 0.001
              kl_weight: 1.0
              involutory_weight: 1.0
              train_images: 256
              test_images: 64
              epochs: {stage1: {{Stage1Epochs}}, stage2: 4, stage3: 1, cvae: 1, classifier: 1}
              checkpoint_every: 1
            profiles:
              smoke: {}
              paper: {}
            """));
        return experiment;
    }

    /// <summary>The checkpoint of the latent space in an artifact store (its folder is named by kind and key).</summary>
    private static string CheckpointIn(string store) =>
        Directory.Exists(store) && Directory.GetDirectories(store, "lavae-*") is [var artifact]
            ? Path.Combine(artifact, ArtifactStore.CheckpointFileName)
            : Path.Combine(store, "lavae-not-yet", ArtifactStore.CheckpointFileName);

    private static (string Stage, int Epochs, bool Complete)? Position(string checkpoint)
    {
        if (!File.Exists(checkpoint))
        {
            return null;
        }

        var content = SafeTensors.Load(checkpoint);
        foreach (var tensor in content.Tensors.Values)
        {
            tensor.Dispose();
        }

        var meta = content.Metadata;
        return (meta["stage"], int.Parse(meta["epochs_done"], CultureInfo.InvariantCulture), meta["stage_complete"] == "true");
    }

    private void WaitUntil(Func<bool> condition, Lavae run, string what)
    {
        while (!condition())
        {
            run.Process.HasExited.Should().BeFalse("the run should still be training while we wait for {0}; it exited with {1}:\n{2}",
                what, run.Process.HasExited ? run.Process.ExitCode : 0, run.Output);
            clock.Elapsed.Should().BeLessThan(Limit, "waiting for {0}; output so far:\n{1}", what, run.Output);
            Thread.Sleep(20);
        }
    }

    private void Finish(Lavae run)
    {
        var left = Limit - clock.Elapsed;
        if (left <= TimeSpan.Zero || !run.Process.WaitForExit(left))
        {
            run.Process.Kill(entireProcessTree: true);
            Assert.Fail($"lavae run did not finish within {Limit.TotalSeconds} s; output so far:\n{run.Output}");
        }

        run.Process.WaitForExit();
        run.Process.ExitCode.Should().Be(0, "lavae run succeeds (the experiment has no claims to fail); output:\n{0}", run.Output);
    }

    /// <summary>One `dotnet LaVae.Cli.dll run` child process, its stdout and stderr collected.</summary>
    private sealed class Lavae : IDisposable
    {
        private readonly StringBuilder output = new();

        private Lavae(Process process) => Process = process;

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public static Lavae Start(string experiment, string outputFolder, string storeFolder)
        {
            var start = new ProcessStartInfo(LaVaeCli.DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { LaVaeCli.AssemblyPath, "run", experiment, "--out", outputFolder, "--store", storeFolder, "--threads", "1" })
            {
                start.ArgumentList.Add(argument);
            }

            var run = new Lavae(new Process { StartInfo = start });
            run.Process.OutputDataReceived += (_, line) => run.Append(line.Data);
            run.Process.ErrorDataReceived += (_, line) => run.Append(line.Data);
            run.Process.Start();
            run.Process.BeginOutputReadLine();
            run.Process.BeginErrorReadLine();
            return run;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
