using LaVae.Training;
using LaVae.Artifacts;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>The graph holds each part once, sources before heads, and splits every level into even shares.</summary>
public class ArtifactGraphTests
{
    private static readonly string[][] Pairs =
    [
        ["flip_lr", "flip_ud"], ["gaussian_noise", "gaussian_blur"], ["rotate_90", "flip_lr"], ["shear_x", "flip_ud"],
    ];

    private static ArtifactSpec Space(string[] pair, int seed = 1) => new("lavae", "mnist", pair, seed, TinyTraining.Settings());

    private static ArtifactSpec Head(string[] source, string[] target, int seed = 1) =>
        new("transfer_head", "mnist", target, seed, TinyTraining.Settings(), Space(source, seed));

    /// <summary>A transfer grid over every pair for two seeds, with two CVAEs: 8 level-0 and 24 level-1 parts.</summary>
    private static List<ArtifactSpec> Grid() =>
    [
        .. from seed in new[] { 1, 2 }
           from source in Pairs
           from target in Pairs
           select source == target ? Space(source, seed) : Head(source, target, seed),
        new("cvae_trad", "mnist", Pairs[0], 1, TinyTraining.Settings()),
        new("cvae_auginv", "mnist", Pairs[0], 1, TinyTraining.Settings()),
    ];

    private static ArtifactGraph Build(IEnumerable<ArtifactSpec> specs)
    {
        var graph = new ArtifactGraph("cpu");
        foreach (var spec in specs)
        {
            graph.Add(spec);
        }

        return graph;
    }

    [Fact]
    public void Adding_a_head_adds_its_latent_space_once_before_it()
    {
        var graph = new ArtifactGraph("cpu");

        var first = graph.Add(Head(Pairs[0], Pairs[1]));
        var second = graph.Add(Head(Pairs[0], Pairs[2]));

        graph.Nodes.Select(n => n.Spec.Kind).Should().Equal("lavae", "transfer_head", "transfer_head");
        first.Source.Should().BeSameAs(second.Source).And.BeSameAs(graph.Nodes[0]);
        first.Source!.Spec.Should().Be(Space(Pairs[0]));
        first.Source.Key.Should().Be(ArtifactKey.Compute(Space(Pairs[0]), "cpu"));
        graph.Add(Space(Pairs[0])).Should().BeSameAs(first.Source, "the latent space a head brought in is the node of that space");
    }

    [Fact]
    public void The_same_part_added_twice_is_one_node()
    {
        var graph = new ArtifactGraph("cpu");

        var first = graph.Add(Head(Pairs[0], Pairs[1]));
        var again = graph.Add(Head(Pairs[0], Pairs[1]));
        var checkpointedMoreOften = graph.Add(Head(Pairs[0], Pairs[1]) with { Settings = TinyTraining.Settings().With(Setting.CheckpointEvery, 5) });

        again.Should().BeSameAs(first);
        checkpointedMoreOften.Should().BeSameAs(first, "parts with equal keys are one part");
        graph.Nodes.Should().HaveCount(2);
    }

    [Fact]
    public void Latent_spaces_and_baselines_are_level_0_heads_level_1_and_nodes_list_level_0_first()
    {
        var graph = new ArtifactGraph("cpu");
        var head = graph.Add(Head(Pairs[0], Pairs[1]));
        var cvae = graph.Add(new ArtifactSpec("cvae_trad", "mnist", Pairs[0], 1, TinyTraining.Settings()));
        var otherHead = graph.Add(Head(Pairs[1], Pairs[0]));
        var vae = graph.Add(new ArtifactSpec("vae", "mnist", Pairs[0], 1, TinyTraining.Settings()));

        (head.Level, head.Source!.Level, cvae.Level, vae.Level, otherHead.Level).Should().Be((1, 0, 0, 0, 1));
        graph.Nodes.Should().Equal(head.Source!, cvae, otherHead.Source!, vae, head, otherHead);
    }

    [Fact]
    public void A_nodes_folder_is_its_kind_and_the_first_16_characters_of_its_key()
    {
        var node = new ArtifactGraph("cpu").Add(Head(Pairs[0], Pairs[1]));

        node.FolderName.Should().Be($"transfer_head-{node.Key[..16]}");
        node.Key.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Shards_split_each_level_into_shares_that_differ_by_at_most_one(int count)
    {
        var graph = Build(Grid());
        graph.Nodes.Count(n => n.Level == 0).Should().Be(10);
        graph.Nodes.Count(n => n.Level == 1).Should().Be(24);

        foreach (var level in new[] { 0, 1 })
        {
            var shares = graph.Nodes.Where(n => n.Level == level).Select(n => graph.ShardOf(n, count)).ToList();

            shares.Should().OnlyContain(share => share >= 1 && share <= count);
            var sizes = Enumerable.Range(1, count).Select(share => shares.Count(s => s == share)).ToList();
            (sizes.Max() - sizes.Min()).Should().BeLessThanOrEqualTo(1, "level {0} in {1} shares is split {2}", level, count, string.Join("/", sizes));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_process_computes_the_same_split_whatever_order_it_built_the_graph_in(int count)
    {
        var forward = Build(Grid());
        var backward = Build(Enumerable.Reverse(Grid()));
        var shuffled = Build(Grid().OrderBy(spec => spec.Describe().GetHashCode(StringComparison.Ordinal)));

        var split = forward.Nodes.ToDictionary(n => n.Key, n => forward.ShardOf(n, count));

        backward.Nodes.Select(n => n.Key).Should().BeEquivalentTo(split.Keys);
        backward.Nodes.ToDictionary(n => n.Key, n => backward.ShardOf(n, count)).Should().Equal(split);
        shuffled.Nodes.ToDictionary(n => n.Key, n => shuffled.ShardOf(n, count)).Should().Equal(split);
        backward.Nodes.Select(n => n.Key).Should().NotEqual(forward.Nodes.Select(n => n.Key), "the test must build the graphs in different orders");
    }

    [Fact]
    public void One_share_holds_everything_and_a_share_count_below_one_is_refused()
    {
        var graph = Build(Grid());

        graph.Nodes.Should().OnlyContain(n => graph.ShardOf(n, 1) == 1);
        var zero = () => graph.ShardOf(graph.Nodes[0], 0);
        zero.Should().Throw<ArgumentOutOfRangeException>();
    }
}
