using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

public class PaperBaselinesTests
{
    private static readonly PaperBaselines Baselines = ExperimentCatalog.Load(RepoRoot.Path).Baselines;

    // A second transcription of paper.md section 4, Table I: an edit to baselines/paper/table1.yaml must agree with it.
    [Theory]
    [InlineData("lavae", 68.34, 75.89, 71.30, 81.57, 297.1)]
    [InlineData("cvae_trad", 98.11, 260.18, 351.79, 279.82, 989.84)]
    [InlineData("cvae_auginv", 99.15, 99.16, 99.26, 299.12, 695.68)]
    public void Table_I_holds_the_papers_numbers(string model, double orig, double aug1, double aug2, double compose, double total)
    {
        string[] columns = ["orig", "aug1", "aug2", "compose", "total"];
        double[] expected = [orig, aug1, aug2, compose, total];

        columns.Select(column => Value($"table1.{model}.{column}")).Should().Equal(expected);
    }

    [Theory]
    [InlineData("fig7.flip_lr,flip_ud.flip_lr,flip_ud", 297.1023)]
    [InlineData("fig7.mini_image,edge_detect.shearX,canny", 336.6547)]
    [InlineData("fig7.shearX,canny.shearX,canny", 516.9115)]
    [InlineData("fig18.rotate_cw,flip_lr.mini_image,canny", 2750.8770)]
    [InlineData("fig18.mini_image,edge_detect.mini_image,shearX", 324.6791)]
    public void Transfer_tables_are_keyed_by_trained_on_pair_then_decoder_pair(string reference, double expected) =>
        Value(reference).Should().Be(expected);

    [Fact]
    public void Values_carry_a_label_in_the_papers_words_and_their_source()
    {
        Baselines.TryFind("table1.lavae.total", out var table).Should().BeTrue();
        Baselines.TryFind("fig7.mini_image,edge_detect.shearX,canny", out var transfer).Should().BeTrue();

        table!.Label.Should().Be("Table I, LAVAE Total");
        table.Source.Should().Be("arXiv 2303.03462, Table I");
        transfer!.Label.Should().Be("Fig. 7, latent space trained on mini_image,edge_detect, decoder head for shearX,canny");
    }

    [Theory]
    [InlineData("table1.lavae")]
    [InlineData("table1.lavae.totl")]
    [InlineData("table9.lavae.total")]
    public void Unknown_references_are_not_found(string reference) => Baselines.TryFind(reference, out _).Should().BeFalse();

    [Theory]
    [InlineData("title: T\nlavae: {orig: 1}\n", "1:1: missing required key 'source' at the top level")]
    [InlineData("title: T\nsource: S\n", "1:1: a paper table needs at least one row besides title, source and cell_label")]
    [InlineData("title: T\nsource: S\nlavae: {orig: high}\n", "3:15: 'lavae.orig' must be a number, found 'high'")]
    [InlineData("title: T\nsource: S\nla.vae: {orig: 1}\n", "3:1: 'la.vae' cannot contain '.': claims refer to cells as <table>.<row>.<column>")]
    [InlineData("title: T\nsource: S\ncell_label: \"{row}\"\nlavae: {orig: 1}\n", "3:13: 'cell_label' must contain both {row} and {column}")]
    public void Malformed_tables_are_errors_with_their_position(string yaml, string expected)
    {
        var parse = () => PaperTableParser.Parse(Samples.TablePath, yaml, ExperimentVocabulary.Default);

        parse.Should().Throw<ExperimentFormatException>().Which.Message.Should().Be($"{Samples.TablePath}:{expected}");
    }

    private static double Value(string reference) =>
        Baselines.TryFind(reference, out var value) ? value.Value : throw new KeyNotFoundException(reference);
}
