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
        using var scope = NewDisposeScope();
        var device = train.device;
        var x = train.to(ScalarType.Float64);
        var classes = (long)trainLabels.max().ToDouble() + 1;
        var targets = (trainLabels.unsqueeze(1).eq(arange(0, classes, device: device).unsqueeze(0)).to(ScalarType.Float64) * 2.0) - 1.0;
        var xMean = x.mean([0], keepdim: true);
        var yMean = targets.mean([0], keepdim: true);
        var xc = x - xMean;
        var gram = xc.T.matmul(xc) + (alpha * eye(x.size(1), dtype: ScalarType.Float64, device: device));
        var weights = linalg.solve(gram, xc.T.matmul(targets - yMean)); // (D, C)
        var intercept = yMean - xMean.matmul(weights); // (1, C)
        var decision = test.to(ScalarType.Float64).matmul(weights) + intercept;
        return decision.argmax(1).MoveToOuterDisposeScope();
    }

    /// <summary>The fraction of <paramref name="test"/> points whose predicted class is their label.</summary>
    public static double Accuracy(Tensor train, Tensor trainLabels, Tensor test, Tensor testLabels, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(testLabels);
        using var scope = NewDisposeScope();
        return Predict(train, trainLabels, test, alpha).eq(testLabels).to(ScalarType.Float64).mean().ToDouble();
    }
}
