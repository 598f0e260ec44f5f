namespace LaVae.Tests.Unit.Torch.Reference;

/// <summary>Matrix arithmetic on row-major double arrays, as the loops in a textbook.</summary>
internal static class NaiveLinalg
{
    /// <summary>C[i, j] = Σ_k A[i, k]·B[k, j] for A (n, m) and B (m, p).</summary>
    public static double[] MatMul(double[] a, double[] b, int n, int m, int p)
    {
        var c = new double[n * p];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < p; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < m; k++)
            {
                sum += a[(i * m) + k] * b[(k * p) + j];
            }

            c[(i * p) + j] = sum;
        }

        return c;
    }

    public static double[] Transpose(double[] a, int rows, int columns)
    {
        var t = new double[a.Length];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            t[(j * rows) + i] = a[(i * columns) + j];
        }

        return t;
    }

    public static double[] Identity(int n)
    {
        var eye = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            eye[(i * n) + i] = 1;
        }

        return eye;
    }

    /// <summary>The determinant by Laplace expansion along the first row.</summary>
    public static double Det(double[] a, int n)
    {
        if (n == 1)
        {
            return a[0];
        }

        var det = 0.0;
        for (var column = 0; column < n; column++)
        {
            var minor = new double[(n - 1) * (n - 1)];
            for (var i = 1; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (j != column)
                {
                    minor[((i - 1) * (n - 1)) + (j < column ? j : j - 1)] = a[(i * n) + j];
                }
            }

            det += (column % 2 == 0 ? 1 : -1) * a[column] * Det(minor, n - 1);
        }

        return det;
    }
}
