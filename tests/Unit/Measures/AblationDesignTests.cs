using LaVae.Artifacts;
using LaVae.Measures;
using LaVae.Tests.Unit.Training;

namespace LaVae.Tests.Unit.Measures;

/// <summary>
/// The ablation kinds as experiments see them: lavae_mlp builds on LAVAE's own latent space (one trained
/// part shared with Table I), each kind declares the reconstruction columns it has, and the ablation
/// measure names its metrics for the listed models with latent maps only.
/// </summary>
public class AblationDesignTests
{
    private const string Environment = "device=cpu;threads=1;libtorch=test";
    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly IMeasure Reconstruction = MeasureRegistry.Get("reconstruction");
    private static readonly IMeasure Ablation = MeasureRegistry.Get("ablation");

    private static ExperimentDesign Design(params string[] models) => new("mnist", Flips, models, Transfer: null, TinyTraining.Settings());

    [Fact]
    public void Both_ablations_can_be_listed_under_models()
    {
        ModelKinds.Listable.Should().ContainKeys("lavae_mlp", "lavae_merged");
    }

    [Fact]
    public void The_mlp_ablation_builds_on_the_latent_space_lavae_trains_and_is_named_as_a_model_not_a_head()
    {
        var design = Design("lavae", "lavae_mlp");
        var mlp = design.Model("lavae_mlp", seed: 2);

        mlp.Source.Should().NotBeNull();
        ArtifactKey.Compute(mlp.Source!, Environment).Should().Be(ArtifactKey.Compute(design.Model("lavae", seed: 2), Environment),
            "the MLP's stage 1 is Table I's LAVAE, trained once");
        mlp.TrainingName.Should().Be("lavae_mlp");
        mlp.Describe().Should().Be("LAVAE (MLP maps) on flip_lr,flip_ud (seed 2)");
        design.Model("lavae_merged", seed: 2).Source.Should().BeNull("the merged stage trains from scratch");

        var graph = new ArtifactGraph(Environment);
        var node = graph.Add(mlp);
        node.Level.Should().Be(1);
        graph.Nodes.Should().HaveCount(2);
        graph.Add(design.Model("lavae", seed: 2)).Should().BeSameAs(node.Source);
    }

    [Fact]
    public void The_keys_of_the_three_models_differ()
    {
        var design = Design();
        string[] kinds = ["lavae", "lavae_mlp", "lavae_merged"];

        kinds.Select(kind => ArtifactKey.Compute(design.Model(kind, seed: 1), Environment)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_mlp_ablation_declares_no_inverse_columns_and_the_other_kinds_keep_their_names()
    {
        var names = Reconstruction.MetricNames(Design("lavae", "lavae_mlp", "lavae_merged", "cvae_trad")).ToList();

        names.Where(name => name.StartsWith("lavae_mlp.bce.", StringComparison.Ordinal)).Should().Equal(
            "lavae_mlp.bce.orig", "lavae_mlp.bce.aug1", "lavae_mlp.bce.aug2", "lavae_mlp.bce.compose", "lavae_mlp.bce.total",
            "lavae_mlp.bce.reverse_compose");
        foreach (var model in new[] { "lavae", "lavae_merged", "cvae_trad" })
        {
            names.Where(name => name.StartsWith($"{model}.", StringComparison.Ordinal)).Should().HaveCount(22, $"{model} keeps all 11 columns in both measures");
        }

        names.Should().Contain(["lavae.bce.inverse_aug1", "lavae_merged.sse.involutory_inverse_aug2", "cvae_trad.bce.inverse_compose"]);
    }

    [Fact]
    public void The_ablation_measure_names_seven_metrics_per_model_with_latent_maps()
    {
        var design = Design("lavae", "cvae_trad", "lavae_mlp");

        Ablation.MetricNames(design).Should().Equal(
            from model in new[] { "lavae", "lavae_mlp" }
            from metric in new[]
            {
                "commutator", "involution_aug1", "involution_aug2", "jacobian_rank_aug1", "jacobian_rank_aug2", "inversion_aug1", "inversion_aug2",
            }
            select $"ablation.{model}.{metric}");
        Ablation.Needs(design, seed: 1).Select(spec => spec.Kind).Should().Equal("lavae", "lavae_mlp");
        Ablation.Problem(design).Should().BeNull();
        Ablation.Problem(Design("cvae_trad")).Should().Contain("latent maps");
    }
}
