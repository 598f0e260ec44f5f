using LaVae.Experiments;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>
/// The composability, inversion and recursion experiments as written train nothing of their own beyond
/// one CVAE_AugInv: they read Fig. 7's four latent spaces and Table I's Flips CVAE_AugInv.
/// </summary>
public class ComposabilityExperimentsTests
{
    private static readonly ExperimentCatalog Catalog = ExperimentCatalog.Load(RepoRoot.Path);

    [Theory]
    [InlineData("smoke")]
    [InlineData("paper")]
    public void They_reuse_the_latent_spaces_of_fig7_and_the_cvae_of_table_i(string profile)
    {
        var options = new RunOptions(profile, CPU, "unused", "unused");
        var keys = (string id) => ExperimentRunner.Plan(Catalog.Find(id), options).Graph.Nodes.Select(node => node.Key).ToList();
        var fig7Spaces = ExperimentRunner.Plan(Catalog.Find("fig7-transfer"), options).Graph.Nodes.Where(node => node.Level == 0).Select(node => node.Key).ToList();
        var tableOne = keys("table1-flips");

        foreach (var id in new[] { "composability", "inversion" })
        {
            keys(id).Should().BeEquivalentTo(fig7Spaces, $"{id} measures the four latent spaces Fig. 7 trains");
        }

        keys("recursion").Should().HaveCount(2 * 3).And.BeSubsetOf(fig7Spaces, "the recursion iterates the maps of two of them, on each of three seeds");

        var cvae = ExperimentRunner.Plan(Catalog.Find("composability-cvae"), options).Graph.Nodes;
        cvae.Where(node => node.Spec.Kind == "lavae").Select(node => node.Key).Should().BeSubsetOf(fig7Spaces);
        cvae.Where(node => node.Spec.Kind == "cvae_auginv").Should().HaveCount(2 * 3, "on each of three seeds, Flips (Table I's) and rotate_cw,flip_lr, the one new part");
        cvae.Should().Contain(node => node.Spec.Kind == "cvae_auginv" && tableOne.Contains(node.Key), "the Flips CVAE_AugInv is Table I's");
    }
}
