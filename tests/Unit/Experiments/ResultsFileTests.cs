using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class ResultsFileTests
{
    [Fact]
    public void Results_judge_the_profiles_claims_and_keep_the_paper_values_of_every_profile()
    {
        var results = SampleResults("smoke", Samples.Metrics(("lavae.bce.compose", 80), ("cvae_auginv.bce.compose", 300)));

        results.Claims.Should().ContainSingle().Which.Should().Match<ClaimOutcome>(claim => claim.ClaimId == "composes-better" && claim.Passed);
        results.PaperValues.Should().Equal(new Dictionary<string, double> { ["lavae.bce.total"] = 297.1 });
        results.Run.Settings.TrainImages.Should().Be(2000);
        results.Format.Should().Be(RunResults.CurrentFormat);
    }

    [Fact]
    public void A_written_file_reads_back_equal_and_leaves_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);
        var results = SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2), ("lavae.bce.compose", double.NaN)));

        ResultsFile.Write(path, results);
        ResultsFile.Write(path, results);
        var read = ResultsFile.Read(path);

        read.Should().BeEquivalentTo(results);
        read.Measurements.Metrics["lavae.bce.compose"].Should().Be(double.NaN);
        Directory.EnumerateFileSystemEntries(folder.Path).Should().Equal(path);
    }

    [Fact]
    public void The_file_uses_snake_case_and_keeps_metric_names()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);

        ResultsFile.Write(path, SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2))));

        var json = File.ReadAllText(path);
        json.Should().Contain("\"run_key\": ").And.Contain("\"experiment_id\": \"sample\"").And.Contain("\"lavae.bce.total\": 310.2")
            .And.Contain("\"train_images\": 60000").And.Contain("\"device\": \"cpu\"").And.Contain("\"stage1\": 12.5");
    }

    [Theory]
    [InlineData("\"format\": \"lavae-results/1\"", "\"format\": \"lavae-results/0\"", "format 'lavae-results/0' is not 'lavae-results/1'")]
    [InlineData("\"device\": \"cpu\"", "\"device\": \"cpu\", \"colour\": 1", "not a valid results file: *colour*")]
    [InlineData("\"device\": \"cpu\",", "", "not a valid results file: *device*")]
    [InlineData("\"figures/recon.png\"", "\"../recon.png\"", "figure '../recon.png' must be a '/'-separated path inside the results folder")]
    public void Reading_rejects_invalid_files(string snippet, string replacement, string expected)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);
        ResultsFile.Write(path, SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2))));
        var json = File.ReadAllText(path);
        json.Should().Contain(snippet);
        File.WriteAllText(path, json.Replace(snippet, replacement, StringComparison.Ordinal));

        var read = () => ResultsFile.Read(path);

        read.Should().Throw<InvalidDataException>().WithMessage($"{path}: {expected}");
    }

    [Fact]
    public void Writing_rejects_a_figure_outside_the_results_folder()
    {
        var results = SampleResults("paper", Samples.Metrics());
        var outside = results with { Measurements = results.Measurements with { Figures = ["/tmp/recon.png"] } };

        var write = () => ResultsFile.Write(Path.Combine(Path.GetTempPath(), "never-written.json"), outside);

        write.Should().Throw<ArgumentException>().WithMessage("*figure '/tmp/recon.png' must be a '/'-separated path inside the results folder*");
    }

    internal static RunResults SampleResults(string profile, IReadOnlyDictionary<string, double> metrics)
    {
        var resolved = Samples.Parse(Samples.ExperimentYaml).Resolve(profile);
        var measurements = new RunMeasurements(
            Device: "cpu",
            Versions: new Dictionary<string, string> { ["lavae"] = "0.1.0", ["libtorch"] = "2.5.1" },
            TimingsSeconds: new Dictionary<string, double> { ["stage1"] = 12.5 },
            Metrics: metrics,
            Figures: ["figures/recon.png"]);
        return RunResults.FromMeasurements(resolved, RunKey.Compute(resolved.Run, "cpu"), measurements, Samples.Baselines);
    }
}
