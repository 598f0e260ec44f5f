using LaVae.Artifacts;
using LaVae.Data;
using LaVae.DataFetching;
using LaVae.Models;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>
/// The aligned sets are cached for the process, so the dispose scope they are first asked for in (a
/// training step's, when a part builds its sets lazily) must not take them: every later reader would
/// meet disposed tensors.
/// </summary>
public class TrainingSetsScopeTests
{
    [Fact]
    public void Sets_first_built_inside_a_dispose_scope_outlive_it()
    {
        using var sets = new TrainingSets(DatasetStore.Open(), CPU);
        long expected;
        using (NewDisposeScope())
        {
            expected = sets.Get("mnist", ["shearX", "canny"], Split.Test, 8, seed: 1)[AugClass.Compose].sum().ToInt64();
        }

        var again = sets.Get("mnist", ["shearX", "canny"], Split.Test, 8, seed: 1);

        foreach (var set in new[] { again.Orig, again[AugClass.Aug1], again[AugClass.Aug2], again[AugClass.Compose] })
        {
            set.IsInvalid.Should().BeFalse("the cached sets belong to the cache, not to the scope they were built in");
        }

        again[AugClass.Compose].sum().ToInt64().Should().Be(expected);
    }
}
