using LaVae.Augmentations;

namespace LaVae.Tests.Unit.Augmentations;

public class SobelKernelsTests
{
    [Theory]
    [InlineData(3, 0, new[] { 1, 2, 1 })]
    [InlineData(3, 1, new[] { -1, 0, 1 })]
    [InlineData(5, 0, new[] { 1, 4, 6, 4, 1 })]
    [InlineData(5, 1, new[] { -1, -2, 0, 2, 1 })]
    [InlineData(7, 0, new[] { 1, 6, 15, 20, 15, 6, 1 })]
    [InlineData(7, 1, new[] { -1, -4, -5, 0, 5, 4, 1 })]
    public void Match_OpenCVs_getDerivKernels(int size, int order, int[] expected)
    {
        SobelKernels.Coefficients(size, order).Should().Equal(expected);
    }
}
