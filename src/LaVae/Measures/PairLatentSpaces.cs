using LaVae.Artifacts;
using LaVae.Models;

namespace LaVae.Measures;

/// <summary>
/// The LAVAE latent space of every declared pair for one seed, trained or loaded: what the per-pair
/// measures (composability, inversion, recursion, geometry) and their figures read.
/// </summary>
public static class PairLatentSpaces
{
    public static IEnumerable<(IReadOnlyList<string> Pair, ArtifactNode Node, Lavae Model)> Of(ExperimentDesign design, int seed, ArtifactProvider artifacts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(artifacts);
        foreach (var pair in design.Pairs)
        {
            var node = artifacts.Node(design.LatentSpace(pair, seed));
            yield return (pair, node, (Lavae)artifacts.Get(node));
        }
    }
}
