namespace LaVae.Tests.Unit.Torch.Reference;

/// <summary>Central finite differences in float64.</summary>
internal static class FiniteDifference
{
    /// <summary>∂f/∂x_i ≈ (f(x + εe_i) − f(x − εe_i)) / 2ε for every i.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] x, double epsilon = 1e-6)
    {
        var gradient = new double[x.Length];
        var probe = (double[])x.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + epsilon;
            var up = f(probe);
            probe[i] = x[i] - epsilon;
            var down = f(probe);
            probe[i] = x[i];
            gradient[i] = (up - down) / (2 * epsilon);
        }

        return gradient;
    }
}
