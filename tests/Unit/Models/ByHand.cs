using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Models;

/// <summary>
/// The paper's formulas written out over plain double arrays, to recompute what the models and
/// losses compute with libtorch.
/// </summary>
internal static class ByHand
{
    /// <summary>−Σ [t·ln p + (1 − t)·ln(1 − p)], each log clamped at −100 as PyTorch's BCE does.</summary>
    public static double SummedBce(double[] prediction, double[] target)
    {
        prediction.Should().HaveSameCount(target);
        var sum = 0.0;
        for (var i = 0; i < prediction.Length; i++)
        {
            sum -= (target[i] * Math.Max(Math.Log(prediction[i]), -100)) + ((1 - target[i]) * Math.Max(Math.Log(1 - prediction[i]), -100));
        }

        return sum;
    }

    /// <summary>Σ (p − t)².</summary>
    public static double SummedSquaredError(double[] prediction, double[] target) =>
        prediction.Zip(target, (p, t) => (p - t) * (p - t)).Sum();

    /// <summary>Mean of (a − b)² over all elements, as MSELoss(reduction='mean').</summary>
    public static double Mse(double[] a, double[] b) => SummedSquaredError(a, b) / a.Length;

    /// <summary>KL(N(μ, σ²) ‖ N(0, 1)) summed: −½ Σ (1 + log σ² − μ² − σ²).</summary>
    public static double Kl(double[] mu, double[] logVar) =>
        -0.5 * mu.Zip(logVar, (m, v) => 1 + v - (m * m) - Math.Exp(v)).Sum();

    /// <summary>μ + exp(½ log σ²)·ε element-wise.</summary>
    public static double[] Reparameterize(double[] mu, double[] logVar, double[] epsilon) =>
        mu.Select((m, i) => m + (Math.Exp(0.5 * logVar[i]) * epsilon[i])).ToArray();

    /// <summary>The row vectors z (n, d) times the d x d matrices, left to right: z·M1·M2·…</summary>
    public static double[] Times(double[] z, int d, params double[][] matrices)
    {
        var n = z.Length / d;
        return matrices.Aggregate(z, (current, m) => NaiveLinalg.MatMul(current, m, n, d, d));
    }

    /// <summary>‖I − L·L‖²_F.</summary>
    public static double InvolutoryPenalty(double[] l, int d)
    {
        var square = NaiveLinalg.MatMul(l, l, d, d, d);
        var identity = NaiveLinalg.Identity(d);
        return identity.Zip(square, (i, s) => (i - s) * (i - s)).Sum();
    }

    /// <summary>Images (N, 28, 28) of bytes as the model sees them: pixel/255.</summary>
    public static double[] Pixels(Tensor images) => images.contiguous().ToArray<byte>().Select(b => b / 255.0).ToArray();

    /// <summary>One-hot rows of the given classes, (count, classes) in row-major order.</summary>
    public static double[] OneHot(IReadOnlyList<int> classes, int width)
    {
        var rows = new double[classes.Count * width];
        for (var i = 0; i < classes.Count; i++)
        {
            rows[(i * width) + classes[i]] = 1;
        }

        return rows;
    }

    public static Tensor Float(double[] values, params long[] shape) => tensor(values.Select(v => (float)v).ToArray(), shape);

    public static double[] Values(Tensor tensor) => Approx.Values(tensor);
}
