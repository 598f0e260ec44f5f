using LaVae.Torch;

namespace LaVae.Geometry;

/// <summary>
/// A linear probe: scikit-learn's <c>RidgeClassifier(alpha)</c> (targets ±1 per class, features and
/// targets centred so the intercept is not penalised, W = (XcᵀXc + αI)⁻¹·XcᵀYc, the class of the
/// largest decision value), trained on some points and scored on others. Where the silhouette asks
/// whether clouds are far apart, this asks whether a hyperplane separates them.
/// </summary>
public static class LinearProbe
{
    public const double DefaultAlpha = 1.0;

    /// <param name="trainLabels">(n) int64 classes 0..C−1, every class present.</param>
    /// <returns>(m) int64 predicted classes of <paramref name="test"/>.</returns>
    public static Tensor Predict(Tensor train, Tensor trainLabels, Tensor test, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(trainLabels);
        ArgumentNullException.ThrowIfNull(test);
        using var scope = Engine.NewDisposeScope();
        var device = train.Device;
        var x = train.To(DType.Float64);
        var classes = (long)trainLabels.Max().Item() + 1;
        var targets = (trainLabels.Unsqueeze(1).Eq(Tensor.Arange(0, classes, device: device).Unsqueeze(0)).To(DType.Float64) * 2.0) - 1.0;
        var xMean = x.Mean(0, keepDim: true);
        var yMean = targets.Mean(0, keepDim: true);
        var xc = x - xMean;
        var gram = xc.T.MatMul(xc) + (alpha * Tensor.Eye(x.Size(1), DType.Float64, device));
        var weights = Linalg.Solve(gram, xc.T.MatMul(targets - yMean)); // (D, C)
        var intercept = yMean - xMean.MatMul(weights); // (1, C)
        var decision = test.To(DType.Float64).MatMul(weights) + intercept;
        return decision.ArgMax(1).MoveToOuterScope();
    }

    /// <summary>The fraction of <paramref name="test"/> points whose predicted class is their label.</summary>
    public static double Accuracy(Tensor train, Tensor trainLabels, Tensor test, Tensor testLabels, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(testLabels);
        using var scope = Engine.NewDisposeScope();
        return Predict(train, trainLabels, test, alpha).Eq(testLabels).To(DType.Float64).Mean().Item();
    }
}
