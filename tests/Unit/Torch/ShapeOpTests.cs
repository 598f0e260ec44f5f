using System.Runtime.InteropServices;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

public class ShapeOpTests
{
    // 0..23 as (2, 3, 4): element [i, j, k] holds 12i + 4j + k.
    private static Tensor Counting() => arange(0, 24).reshape(2, 3, 4);

    private static long At(long i, long j, long k) => (12 * i) + (4 * j) + k;

    [Fact]
    public void Reshape_and_view_keep_the_row_major_order()
    {
        using var scope = NewDisposeScope();
        var x = Counting();
        x.shape.Should().Equal(2, 3, 4);
        x.reshape(4, -1).shape.Should().Equal(4, 6);
        x.view(6, 4).ToArray<long>().Should().Equal(Enumerable.Range(0, 24).Select(i => (long)i));
        x.view(-1).shape.Should().Equal(24);
    }

    [Fact]
    public void Size_counts_negative_dimensions_from_the_end()
    {
        using var scope = NewDisposeScope();
        var x = Counting();
        (x.size(0), x.size(2), x.size(-1), x.size(-3)).Should().Be((2L, 4L, 4L, 2L));
    }

    [Fact]
    public void View_of_a_non_contiguous_tensor_fails_while_reshape_copies()
    {
        using var scope = NewDisposeScope();
        var t = Counting().transpose(1, 2);
        var act = () => t.view(24);
        act.Should().Throw<ExternalException>().WithMessage("*view*");
        t.reshape(24).ToArray<long>().Should().Equal(t.contiguous().view(24).ToArray<long>());
    }

    [Fact]
    public void Narrow_and_select_take_the_expected_slices()
    {
        using var scope = NewDisposeScope();
        var x = Counting();
        var narrow = x.narrow(2, 1, 2);
        narrow.shape.Should().Equal(2, 3, 2);
        narrow.ToArray<long>().Should().Equal(Loop(2, 3, 2, (i, j, k) => At(i, j, k + 1)));

        var select = x.select(1, 2);
        select.shape.Should().Equal(2, 4);
        select.ToArray<long>().Should().Equal(Loop(2, 1, 4, (i, _, k) => At(i, 2, k)));
        x.select(0, -1).ToArray<long>().Should().Equal(Loop(1, 3, 4, (_, j, k) => At(1, j, k)));
    }

    [Fact]
    public void IndexSelect_picks_rows_in_the_given_order_with_repeats()
    {
        using var scope = NewDisposeScope();
        var index = tensor(new long[] { 3, 0, 3 });
        var picked = Counting().index_select(2, index);
        picked.shape.Should().Equal(2, 3, 3);
        long[] order = [3, 0, 3];
        picked.ToArray<long>().Should().Equal(Loop(2, 3, 3, (i, j, k) => At(i, j, order[k])));
    }

    [Fact]
    public void Gather_reads_out_index_along_the_dimension()
    {
        using var scope = NewDisposeScope();
        var indexValues = new long[] { 2, 0, 1, 1, 0, 2, 0, 0 };
        var index = tensor(indexValues, new long[] { 2, 1, 4 });
        var gathered = Counting().gather(1, index);
        gathered.shape.Should().Equal(2, 1, 4);
        gathered.ToArray<long>().Should().Equal(Loop(2, 1, 4, (i, _, k) => At(i, indexValues[(i * 4) + k], k)));
    }

    [Fact]
    public void Cat_joins_along_an_existing_dimension_and_stack_along_a_new_one()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        var b = tensor(new long[] { 5, 6 }, new long[] { 1, 2 });
        cat([a, b]).ToArray<long>().Should().Equal(1, 2, 3, 4, 5, 6);
        cat([a, b.T], dim: 1).ToArray<long>().Should().Equal(1, 2, 5, 3, 4, 6);

        var stacked = stack([a, tensor(new long[] { 10, 20, 30, 40 }, new long[] { 2, 2 })], dim: 1);
        stacked.shape.Should().Equal(2, 2, 2);
        stacked.ToArray<long>().Should().Equal(1, 2, 10, 20, 3, 4, 30, 40);
    }

    [Fact]
    public void Permute_moves_dimensions_as_a_naive_loop_does()
    {
        using var scope = NewDisposeScope();
        var permuted = Counting().permute(2, 0, 1);
        permuted.shape.Should().Equal(4, 2, 3);
        permuted.ToArray<long>().Should().Equal(Loop(4, 2, 3, (k, i, j) => At(i, j, k)));
    }

    [Fact]
    public void Transpose_swaps_two_dimensions_and_T_transposes_a_matrix()
    {
        using var scope = NewDisposeScope();
        var transposed = Counting().transpose(0, 2);
        transposed.shape.Should().Equal(4, 3, 2);
        transposed.ToArray<long>().Should().Equal(Loop(4, 3, 2, (k, j, i) => At(i, j, k)));
        tensor(new long[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }).T.ToArray<long>().Should().Equal(1, 4, 2, 5, 3, 6);
    }

    [Fact]
    public void Flip_reverses_the_given_dimensions()
    {
        using var scope = NewDisposeScope();
        Counting().flip(2).ToArray<long>().Should().Equal(Loop(2, 3, 4, (i, j, k) => At(i, j, 3 - k)));
        Counting().flip(0, 1).ToArray<long>().Should().Equal(Loop(2, 3, 4, (i, j, k) => At(1 - i, 2 - j, k)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-2)]
    public void Rot90_turns_each_image_plane_as_a_naive_loop_does(int k)
    {
        using var scope = NewDisposeScope();
        const int planes = 2, h = 3, w = 5;
        var values = Enumerable.Range(0, planes * h * w).Select(i => (long)i).ToArray();
        var rotated = tensor(values, new long[] { 1, planes, h, w }).rot90(k, (2, 3));
        var (expected, rh, rw) = NaiveRot90(values, planes, h, w, k);
        rotated.shape.Should().Equal(1, planes, rh, rw);
        rotated.ToArray<long>().Should().Equal(expected);
    }

    [Fact]
    public void Rot90_positive_is_counter_clockwise_as_numpy()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new long[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        m.rot90(1, (0, 1)).ToArray<long>().Should().Equal(2, 4, 1, 3);
        m.rot90(-1, (0, 1)).ToArray<long>().Should().Equal(3, 1, 4, 2);
    }

    [Fact]
    public void Squeeze_and_unsqueeze_remove_and_add_unit_dimensions()
    {
        using var scope = NewDisposeScope();
        var x = zeros([2, 1, 3]);
        x.squeeze(1).shape.Should().Equal(2, 3);
        x.squeeze(0).shape.Should().Equal([2L, 1, 3], "a dimension that is not 1 stays");
        x.unsqueeze(0).shape.Should().Equal(1, 2, 1, 3);
        x.unsqueeze(-1).shape.Should().Equal(2, 1, 3, 1);
    }

    [Fact]
    public void Flatten_merges_the_given_range_of_dimensions()
    {
        using var scope = NewDisposeScope();
        var x = zeros([2, 3, 4, 5]);
        x.flatten().shape.Should().Equal(120);
        x.flatten(1).shape.Should().Equal(2, 60);
        x.flatten(1, 2).shape.Should().Equal(2, 12, 5);
        Counting().flatten(1).ToArray<long>().Should().Equal(Enumerable.Range(0, 24).Select(i => (long)i));
    }

    [Fact]
    public void Expand_broadcasts_unit_dimensions_without_copying_values()
    {
        using var scope = NewDisposeScope();
        var column = tensor(new long[] { 1, 2, 3 }, new long[] { 3, 1 });
        var expanded = column.expand(3, 4);
        expanded.shape.Should().Equal(3, 4);
        expanded.ToArray<long>().Should().Equal(1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
        column.expand(2, -1, 2).shape.Should().Equal(2, 3, 2);
    }

    [Fact]
    public void Repeat_tiles_the_whole_tensor()
    {
        using var scope = NewDisposeScope();
        var row = tensor(new long[] { 1, 2 }, new long[] { 1, 2 });
        var tiled = row.repeat(2, 3);
        tiled.shape.Should().Equal(2, 6);
        tiled.ToArray<long>().Should().Equal(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2);
    }

    [Fact]
    public void Clone_copies_storage_while_alias_and_views_share_it()
    {
        using var scope = NewDisposeScope();
        var x = zeros([4], ScalarType.Float64);
        var clone = x.clone();
        var alias = x.alias();
        var view = x.narrow(0, 1, 2);
        x.fill_(3);
        clone.ToArray<double>().Should().Equal(0, 0, 0, 0);
        alias.ToArray<double>().Should().Equal(3, 3, 3, 3);
        view.ToArray<double>().Should().Equal(3, 3);
        alias.Dispose();
        x.IsInvalid.Should().BeFalse("disposing one owner leaves the other");
        x.ToArray<double>().Should().Equal(3, 3, 3, 3);
    }

    private static long[] Loop(long a, long b, long c, Func<long, long, long, long> value)
    {
        var result = new List<long>();
        for (var i = 0L; i < a; i++)
        for (var j = 0L; j < b; j++)
        for (var k = 0L; k < c; k++)
        {
            result.Add(value(i, j, k));
        }

        return [.. result];
    }

    // One counter-clockwise quarter turn of an (h, w) plane gives (w, h) with r[i, j] = m[j, w − 1 − i];
    // a clockwise one r[i, j] = m[h − 1 − j, i]. Positive k turns counter-clockwise k times.
    private static (long[] Values, int Height, int Width) NaiveRot90(long[] values, int planes, int h, int w, int k)
    {
        for (var turn = 0; turn < Math.Abs(k); turn++)
        {
            var next = new long[values.Length];
            for (var p = 0; p < planes; p++)
            for (var i = 0; i < w; i++)
            for (var j = 0; j < h; j++)
            {
                next[(p * h * w) + (i * h) + j] = k > 0
                    ? values[(p * h * w) + (j * w) + (w - 1 - i)]
                    : values[(p * h * w) + ((h - 1 - j) * w) + i];
            }

            values = next;
            (h, w) = (w, h);
        }

        return (values, h, w);
    }
}
