using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class LinalgTests
{
    // A well-conditioned 4×4 matrix: random entries plus 4 on the diagonal.
    private static double[] Matrix(int seed) =>
        TestData.Uniform(seed, 16).Select((v, i) => v + (i % 5 == 0 ? 4 : 0)).ToArray();

    // A symmetric 4×4 matrix: M + Mᵀ.
    private static double[] Symmetric(int seed)
    {
        var m = TestData.Uniform(seed, 16);
        var t = NaiveLinalg.Transpose(m, 4, 4);
        return m.Select((v, i) => v + t[i]).ToArray();
    }

    [Fact]
    public void Inverse_times_the_matrix_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var a = Matrix(1);
        var inverse = linalg.inv(TestData.Tensor(a, [4, 4]));
        inverse.shape.Should().Equal(4, 4);
        NaiveLinalg.MatMul(a, Approx.Values(inverse), 4, 4, 4).ShouldBeClose(NaiveLinalg.Identity(4), 1e-13, "A·A⁻¹");
        NaiveLinalg.MatMul(Approx.Values(inverse), a, 4, 4, 4).ShouldBeClose(NaiveLinalg.Identity(4), 1e-13, "A⁻¹·A");
    }

    [Fact]
    public void Inverse_of_a_2x2_matches_the_adjugate_formula()
    {
        using var scope = NewDisposeScope();
        // [[4, 7], [2, 6]]⁻¹ = [[6, −7], [−2, 4]] / (4·6 − 7·2)
        linalg.inv(TestData.Tensor([4, 7, 2, 6], [2, 2])).ShouldBeClose([0.6, -0.7, -0.2, 0.4], 1e-15, "2×2 inverse");
    }

    [Fact]
    public void Solve_finds_X_with_A_X_equal_to_B()
    {
        using var scope = NewDisposeScope();
        var a = Matrix(2);
        var b = TestData.Uniform(3, 4 * 3);
        var x = linalg.solve(TestData.Tensor(a, [4, 4]), TestData.Tensor(b, [4, 3]));
        x.shape.Should().Equal(4, 3);
        NaiveLinalg.MatMul(a, Approx.Values(x), 4, 4, 3).ShouldBeClose(b, 1e-13, "A·X");

        // 2x + y = 5, x + 3y = 10  →  x = 1, y = 3
        linalg.solve(TestData.Tensor([2, 1, 1, 3], [2, 2]), TestData.Tensor([5, 10], [2, 1])).ShouldBeClose([1, 3], 1e-15, "hand solve");
    }

    [Fact]
    public void Det_matches_laplace_expansion_and_hand_values()
    {
        using var scope = NewDisposeScope();
        var a = Matrix(4);
        linalg.det(TestData.Tensor(a, [4, 4])).ToDouble().Should().BeApproximately(NaiveLinalg.Det(a, 4), 1e-12);
        linalg.det(TestData.Tensor([4, 7, 2, 6], [2, 2])).ToDouble().Should().BeApproximately(10, 1e-14);
        linalg.det(TestData.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3])).ToDouble().Should().BeApproximately(0, 1e-12, "the rows are linearly dependent");
        linalg.det(TestData.Tensor(a, [4, 4], ScalarType.Float32)).ToDouble().Should().BeApproximately(NaiveLinalg.Det(a, 4), 1e-3);
    }

    [Fact]
    public void Svd_reconstructs_the_matrix_with_orthonormal_factors_and_descending_singular_values()
    {
        using var scope = NewDisposeScope();
        var a = TestData.Uniform(5, 4 * 3);
        var (u, s, vh) = linalg.svd(TestData.Tensor(a, [4, 3]), fullMatrices: false);
        u.shape.Should().Equal([4L, 3], "the SVD is reduced");
        s.shape.Should().Equal(3);
        vh.shape.Should().Equal(3, 3);
        var (uu, ss, vv) = (Approx.Values(u), Approx.Values(s), Approx.Values(vh));
        ss.Should().BeInDescendingOrder().And.OnlyContain(v => v >= 0);

        var us = uu.Select((v, i) => v * ss[i % 3]).ToArray();
        NaiveLinalg.MatMul(us, vv, 4, 3, 3).ShouldBeClose(a, 1e-14, "U·diag(S)·Vh");
        NaiveLinalg.MatMul(NaiveLinalg.Transpose(uu, 4, 3), uu, 3, 4, 3).ShouldBeClose(NaiveLinalg.Identity(3), 1e-14, "UᵀU");
        NaiveLinalg.MatMul(vv, NaiveLinalg.Transpose(vv, 3, 3), 3, 3, 3).ShouldBeClose(NaiveLinalg.Identity(3), 1e-14, "Vh·Vhᵀ");
    }

    [Fact]
    public void Eigh_reconstructs_a_symmetric_matrix_with_ascending_eigenvalues()
    {
        using var scope = NewDisposeScope();
        var a = Symmetric(6);
        var (values, vectors) = linalg.eigh(TestData.Tensor(a, [4, 4]));
        values.shape.Should().Equal(4);
        vectors.shape.Should().Equal(4, 4);
        var (lambda, v) = (Approx.Values(values), Approx.Values(vectors));
        lambda.Should().BeInAscendingOrder();

        var vl = v.Select((e, i) => e * lambda[i % 4]).ToArray();
        NaiveLinalg.MatMul(vl, NaiveLinalg.Transpose(v, 4, 4), 4, 4, 4).ShouldBeClose(a, 1e-13, "V·diag(λ)·Vᵀ");
        NaiveLinalg.MatMul(a, v, 4, 4, 4).ShouldBeClose(vl, 1e-13, "A·V = V·diag(λ)");
        NaiveLinalg.MatMul(NaiveLinalg.Transpose(v, 4, 4), v, 4, 4, 4).ShouldBeClose(NaiveLinalg.Identity(4), 1e-14, "VᵀV");

        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        linalg.eigh(TestData.Tensor([2, 1, 1, 2], [2, 2])).Item1.ShouldBeClose([1, 3], 1e-15, "hand eigenvalues");
    }
}
