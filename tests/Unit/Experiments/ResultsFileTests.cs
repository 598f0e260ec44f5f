using LaVae.Tests.Unit.Training;
using LaVae.Training;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        results.Run.Settings[Setting.TrainImages].Should().Be(2000);
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
    [InlineData("\"format\": \"lavae-results/4\"", "\"format\": \"lavae-results/1\"", "format 'lavae-results/1' is not 'lavae-results/4'")]
    [InlineData("\"lavae.bce.total\": 310.2", "\"lavae.bce.total\": 10716.51", "its content does not match its content_sha256 (SHA-256 *, recorded *)")]
    [InlineData("\"format\": \"lavae-results/4\",", "\"format\": \"lavae-results/4\", \"content_sha256\": \"0000\",", "not a valid results file: *")]
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
    public void The_file_records_a_checksum_of_its_content_right_after_the_format()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);

        ResultsFile.Write(path, SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2))));

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        json.RootElement.EnumerateObject().Select(field => field.Name).Take(3).Should().Equal("format", "content_sha256", "run_key");
        json.RootElement.GetProperty("content_sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Reformatting_the_file_keeps_it_valid_but_dropping_the_checksum_does_not()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);
        var results = SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2)));
        ResultsFile.Write(path, results);
        var json = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();

        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        ResultsFile.Read(path).Should().BeEquivalentTo(results, "whitespace is not content");

        json.Remove("content_sha256");
        File.WriteAllText(path, json.ToJsonString());
        var read = () => ResultsFile.Read(path);
        read.Should().Throw<InvalidDataException>().WithMessage($"{path}: it has no content_sha256");
    }

    [Fact]
    public void Read_or_set_aside_returns_the_results_of_a_good_file_and_nothing_without_a_file()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);

        ResultsFile.ReadOrSetAside(path, out var missingNotice).Should().BeNull();
        missingNotice.Should().BeNull("no results yet is not a problem");
        Directory.EnumerateFileSystemEntries(folder.Path).Should().BeEmpty();

        var results = SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2)));
        ResultsFile.Write(path, results);
        ResultsFile.ReadOrSetAside(path, out var notice).Should().BeEquivalentTo(results);
        notice.Should().BeNull();
    }

    [Theory]
    [InlineData("\"lavae.bce.total\": 310.2", "\"lavae.bce.total\": 10716.51", "its content does not match its content_sha256*")]
    [InlineData("\"format\": \"lavae-results/4\"", "\"format\": \"lavae-results/1\"", "format 'lavae-results/1' is not 'lavae-results/4'")]
    [InlineData("\"device\": \"cpu\"", "\"device\": \"cp", "not a valid results file: *")]
    public void Read_or_set_aside_moves_an_unusable_file_aside_with_a_one_line_notice(string snippet, string replacement, string problem)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);
        ResultsFile.Write(path, SampleResults("paper", Samples.Metrics(("lavae.bce.total", 310.2))));
        var damaged = File.ReadAllText(path).Replace(snippet, replacement, StringComparison.Ordinal);
        File.WriteAllText(path, damaged);

        ResultsFile.ReadOrSetAside(path, out var notice).Should().BeNull("the caller measures again");

        var aside = Directory.EnumerateFileSystemEntries(folder.Path).Should().ContainSingle().Subject;
        Path.GetFileName(aside).Should().MatchRegex(@"^results\.json\.damaged-\d{8}-\d{6}(-\d+)?$");
        File.ReadAllText(aside).Should().Be(damaged, "the file is kept as found, for a person to inspect");
        notice.Should().Match($"{path}: {problem}; it was moved to {aside} and the run measures again.").And.NotContain("\n");
    }

    [Fact]
    public void A_second_damaged_results_file_does_not_overwrite_the_first_copy()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, ResultsFile.FileName);

        File.WriteAllText(path, "{ first");
        ResultsFile.ReadOrSetAside(path, out _);
        File.WriteAllText(path, "{ second");
        ResultsFile.ReadOrSetAside(path, out _);

        Directory.EnumerateFiles(folder.Path).Select(File.ReadAllText).Should().BeEquivalentTo(["{ first", "{ second"]);
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
            Figures: ["figures/recon.png"],
            Seeds: [1],
            PerSeed: metrics.ToDictionary(metric => metric.Key, metric => (IReadOnlyList<double>)[metric.Value]),
            Curves: []);
        return RunResults.FromMeasurements(resolved, RunKey.Compute(resolved.Run, "cpu", []), measurements, Samples.Baselines);
    }
}
