using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>
/// Paper Appendix C's encoder and decoder written with the textbook loops of <see cref="NaiveConv"/>,
/// reading the weights of a module by name, so the libtorch modules can be checked layer by layer.
/// </summary>
internal sealed class NaiveNetwork(nn.Module module, int filters, int latent = 16)
{
    private readonly Dictionary<string, Tensor> weights = module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);

    /// <summary>
    /// Conv(1→F) ReLU, Conv(F→2F) ReLU, flatten, the condition appended, then the μ and log σ² heads.
    /// </summary>
    public (double[] Mu, double[] LogVar) Encode(double[] x, int n, double[]? condition = null, int conditionSize = 0)
    {
        var (h1, s1) = NaiveConv.Conv2d(x, [n, 1, 28, 28], W("conv1.weight"), [filters, 1, 4, 4], W("conv1.bias"), stride: 2, padding: 1);
        var (h2, _) = NaiveConv.Conv2d(Relu(h1), s1, W("conv2.weight"), [2 * filters, filters, 4, 4], W("conv2.bias"), stride: 2, padding: 1);
        var features = 2 * filters * 7 * 7;
        var h = Append(Relu(h2), n, features, condition, conditionSize);
        var width = features + conditionSize;
        return (NaiveConv.Linear(h, width, W("fc_mu.weight"), latent, W("fc_mu.bias")),
                NaiveConv.Linear(h, width, W("fc_logvar.weight"), latent, W("fc_logvar.bias")));
    }

    /// <summary>The condition appended to z, Linear with no activation, reshape (2F, 7, 7), ConvT ReLU, ConvT Sigmoid.</summary>
    public double[] Decode(double[] z, int n, double[]? condition = null, int conditionSize = 0)
    {
        var input = Append(z, n, latent, condition, conditionSize);
        var features = 2 * filters * 7 * 7;
        var h = NaiveConv.Linear(input, latent + conditionSize, W("fc.weight"), features, W("fc.bias"));
        var (d1, s1) = NaiveConv.ConvTranspose2d(h, [n, 2 * filters, 7, 7], W("deconv1.weight"), [2 * filters, filters, 4, 4], W("deconv1.bias"), stride: 2, padding: 1);
        var (d2, _) = NaiveConv.ConvTranspose2d(Relu(d1), s1, W("deconv2.weight"), [filters, 1, 4, 4], W("deconv2.bias"), stride: 2, padding: 1);
        return d2.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
    }

    private double[] W(string name) => Approx.Values(weights[name]);

    private static double[] Relu(double[] values) => values.Select(v => Math.Max(v, 0)).ToArray();

    private static double[] Append(double[] rows, int n, int width, double[]? extra, int extraWidth)
    {
        if (extra is null)
        {
            return rows;
        }

        var result = new double[n * (width + extraWidth)];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(rows, i * width, result, i * (width + extraWidth), width);
            Array.Copy(extra, i * extraWidth, result, (i * (width + extraWidth)) + width, extraWidth);
        }

        return result;
    }
}
