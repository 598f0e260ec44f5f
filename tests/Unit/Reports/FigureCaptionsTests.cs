using LaVae.Reports;

namespace LaVae.Tests.Unit.Reports;

/// <summary>Captions read from the names the figure kinds give their files (src/LaVae/Figures).</summary>
public sealed class FigureCaptionsTests
{
    [Theory]
    [InlineData("figures/transfer-flip_lr,flip_ud-to-shearX,canny.png", "The decoder head for shearX,canny on the flip_lr,flip_ud latent space")]
    [InlineData("figures/recursion-flip_lr,flip_ud-flip_lr-path.png", "Fig. 5: latent paths of a stable and a drifting digit under the recursion of flip_lr (flip_lr,flip_ud)")]
    [InlineData("figures/recursion-flip_lr,flip_ud-flip_ud-steps.png", "Fig. 5: flip_ud applied again and again on the flip_lr,flip_ud latent space")]
    [InlineData("figures/sampling-box-flip_lr,flip_ud.png", "Fig. 13: decoded samples of the flip_lr,flip_ud latent space (box prior)")]
    [InlineData("figures/cvae-auginv-reconstructions.png", "Table I: reconstructions of the first test digits by cvae-auginv")]
    [InlineData("figures/entanglement-lavae.png", "Fig. 8 / 9: lavae's decoded images with identity (id) and class (c) verdicts")]
    public void A_known_figure_is_described_and_named(string file, string description)
    {
        FigureCaptions.For(file).Should().StartWith(description).And.EndWith($"({file})");
    }

    [Fact]
    public void A_name_no_figure_kind_writes_is_its_own_caption()
    {
        FigureCaptions.For("figures/my-grid.png").Should().Be("figures/my-grid.png");
    }
}
