using System.Globalization;
using LaVae.Tests.Unit.Torch.Reference;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Torch;

// Process-wide: the memory test reads the resident set size, which other tests would disturb.
[Collection(ProcessWide.Name)]
public class DisposeScopeTests
{
    [Fact]
    public void A_scope_disposes_every_tensor_created_while_it_is_open()
    {
        Tensor a, b, c;
        using (var scope = NewDisposeScope())
        {
            a = ones([2]);
            b = a + 1;
            c = b.sum();
            scope.DisposablesCount.Should().Be(3);
            c.IsInvalid.Should().BeFalse();
        }

        new[] { a, b, c }.Should().OnlyContain(t => t.IsInvalid);
    }

    [Fact]
    public void MoveToOuterScope_hands_a_result_to_the_enclosing_scope()
    {
        Tensor kept, temporary;
        using (var outer = NewDisposeScope())
        {
            using (var inner = NewDisposeScope())
            {
                temporary = ones([2]);
                kept = (temporary * 3).MoveToOuterDisposeScope();
                inner.DisposablesCount.Should().Be(1);
            }

            temporary.IsInvalid.Should().BeTrue();
            kept.IsInvalid.Should().BeFalse();
            kept.ToArray<float>().Should().Equal(3, 3);
            outer.DisposablesCount.Should().Be(1, "the moved result is the outer scope's only tensor; reading it back leaves nothing there");
        }

        kept.IsInvalid.Should().BeTrue("the outer scope owned it");
    }

    [Fact]
    public void MoveToOuterScope_from_the_outermost_scope_leaves_the_tensor_to_the_caller()
    {
        Tensor kept;
        using (NewDisposeScope())
        {
            kept = ones([2]).MoveToOuterDisposeScope();
        }

        kept.IsInvalid.Should().BeFalse();
        kept.Dispose();
        kept.IsInvalid.Should().BeTrue();
    }

    [Fact]
    public void DetachFromScope_survives_every_scope()
    {
        Tensor kept;
        using (NewDisposeScope())
        {
            using (NewDisposeScope())
            {
                kept = ones([2]).DetachFromDisposeScope();
            }
        }

        kept.IsInvalid.Should().BeFalse();
        kept.ToArray<float>().Should().Equal(1, 1);
        kept.Dispose();
    }

    [Fact]
    public void Tensors_made_outside_a_scope_are_not_adopted_by_a_later_one()
    {
        using var outside = ones([2]);
        using (var scope = NewDisposeScope())
        {
            (outside + 1).sum();
            scope.DisposablesCount.Should().Be(2);
        }

        outside.IsInvalid.Should().BeFalse();
    }

    [Fact]
    public void Disposing_an_inner_scope_makes_the_outer_one_current_again()
    {
        using var outer = NewDisposeScope();
        var inner = NewDisposeScope();
        ones([1]);
        inner.Dispose();
        inner.Dispose();
        var later = ones([1]);
        outer.DisposablesCount.Should().Be(1, "tensors made after the inner scope closed belong to the outer one");
        later.IsInvalid.Should().BeFalse();
    }

    [Fact]
    public void Disposing_an_outer_scope_before_its_inner_one_never_hands_tensors_to_a_dead_scope()
    {
        using var root = NewDisposeScope();
        var outer = NewDisposeScope();
        var inner = NewDisposeScope();
        outer.Dispose();
        inner.Dispose();

        var later = ones([1]);

        root.DisposablesCount.Should().Be(1, "with both inner scopes gone, the root scope is the innermost open one");
        root.Dispose();
        later.IsInvalid.Should().BeTrue();
    }

    [Fact]
    public void A_scope_only_owns_tensors_made_on_its_own_thread()
    {
        Tensor? fromOtherThread = null;
        using (var scope = NewDisposeScope())
        {
            var thread = new Thread(() => fromOtherThread = ones([2]));
            thread.Start();
            thread.Join();
            scope.DisposablesCount.Should().Be(0);
        }

        fromOtherThread.Should().NotBeNull();

        fromOtherThread!.IsInvalid.Should().BeFalse();
        fromOtherThread.Dispose();
    }

    [Fact]
    public void Native_memory_stays_flat_over_many_scoped_steps()
    {
        using var generator = new Generator(1);
        using var weight = randn([16, 1024], generator: generator).DetachFromDisposeScope().requires_grad_();
        void Step()
        {
            using var scope = NewDisposeScope();
            var x = ones([1, 1024]);
            var y = nn.functional.linear((x * 2) + 1, weight).sigmoid();
            nn.functional.binary_cross_entropy(y, zeros([1, 16]), reduction: nn.Reduction.Sum).backward();
            weight.grad!.sum().ToDouble();
            weight.grad = null;
        }

        for (var i = 0; i < 2000; i++)
        {
            Step();
        }

        var before = ResidentBytes();
        for (var i = 0; i < 20000; i++)
        {
            Step();
        }

        var growth = ResidentBytes() - before;
        growth.Should().BeLessThan(30L << 20,
            "20k steps, each making about ten 4 KB tensors and a gradient, would leak hundreds of MB if they were not freed");
    }

    // VmRSS from /proc/self/status after a full collection, so managed garbage does not count.
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
