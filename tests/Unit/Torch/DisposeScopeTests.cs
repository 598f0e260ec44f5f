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
        using (var scope = Engine.NewDisposeScope())
        {
            a = Tensor.Ones([2]);
            b = a + 1;
            c = b.Sum();
            scope.Count.Should().Be(3);
            c.IsDisposed.Should().BeFalse();
        }

        new[] { a, b, c }.Should().OnlyContain(t => t.IsDisposed);
    }

    [Fact]
    public void MoveToOuterScope_hands_a_result_to_the_enclosing_scope()
    {
        Tensor kept, temporary;
        using (var outer = Engine.NewDisposeScope())
        {
            using (var inner = Engine.NewDisposeScope())
            {
                temporary = Tensor.Ones([2]);
                kept = (temporary * 3).MoveToOuterScope();
                inner.Count.Should().Be(1);
            }

            temporary.IsDisposed.Should().BeTrue();
            kept.IsDisposed.Should().BeFalse();
            kept.ToArray<float>().Should().Equal(3, 3);
            outer.Count.Should().Be(1);
        }

        kept.IsDisposed.Should().BeTrue("the outer scope owned it");
    }

    [Fact]
    public void MoveToOuterScope_from_the_outermost_scope_leaves_the_tensor_to_the_caller()
    {
        Tensor kept;
        using (Engine.NewDisposeScope())
        {
            kept = Tensor.Ones([2]).MoveToOuterScope();
        }

        kept.IsDisposed.Should().BeFalse();
        kept.Dispose();
        kept.IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void DetachFromScope_survives_every_scope()
    {
        Tensor kept;
        using (Engine.NewDisposeScope())
        {
            using (Engine.NewDisposeScope())
            {
                kept = Tensor.Ones([2]).DetachFromScope();
            }
        }

        kept.IsDisposed.Should().BeFalse();
        kept.ToArray<float>().Should().Equal(1, 1);
        kept.Dispose();
    }

    [Fact]
    public void Tensors_made_outside_a_scope_are_not_adopted_by_a_later_one()
    {
        using var outside = Tensor.Ones([2]);
        using (var scope = Engine.NewDisposeScope())
        {
            (outside + 1).Sum();
            scope.Count.Should().Be(2);
        }

        outside.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public void Disposing_an_inner_scope_makes_the_outer_one_current_again()
    {
        using var outer = Engine.NewDisposeScope();
        var inner = Engine.NewDisposeScope();
        Tensor.Ones([1]);
        inner.Dispose();
        inner.Dispose();
        var later = Tensor.Ones([1]);
        outer.Count.Should().Be(1, "tensors made after the inner scope closed belong to the outer one");
        later.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public void Disposing_an_outer_scope_before_its_inner_one_never_hands_tensors_to_a_dead_scope()
    {
        using var root = Engine.NewDisposeScope();
        var outer = Engine.NewDisposeScope();
        var inner = Engine.NewDisposeScope();
        outer.Dispose();
        inner.Dispose();

        var later = Tensor.Ones([1]);

        root.Count.Should().Be(1, "with both inner scopes gone, the root scope is the innermost open one");
        root.Dispose();
        later.IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void A_scope_only_owns_tensors_made_on_its_own_thread()
    {
        Tensor? fromOtherThread = null;
        using (var scope = Engine.NewDisposeScope())
        {
            var thread = new Thread(() => fromOtherThread = Tensor.Ones([2]));
            thread.Start();
            thread.Join();
            scope.Count.Should().Be(0);
        }

        fromOtherThread.Should().NotBeNull();

        fromOtherThread!.IsDisposed.Should().BeFalse();
        fromOtherThread.Dispose();
    }

    [Fact]
    public void Native_memory_stays_flat_over_many_scoped_steps()
    {
        using var generator = new Generator(1);
        using var weight = Tensor.Randn([16, 1024], generator).DetachFromScope().WithRequiresGrad();
        void Step()
        {
            using var scope = Engine.NewDisposeScope();
            var x = Tensor.Ones([1, 1024]);
            var y = Functional.Linear((x * 2) + 1, weight).Sigmoid();
            Functional.BinaryCrossEntropy(y, Tensor.Zeros([1, 16]), Reduction.Sum).Backward();
            weight.Grad!.Sum().Item();
            weight.ClearGrad();
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
