using LaVae.Artifacts;
using LaVae.Data;
using LaVae.Tests.Unit.Data;
using LaVae.Tests.Unit.Support;
using LaVae.Torch;
using LaVae.Tests.Unit.DataFetching;
using LaVae.DataFetching;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>The labelled images a classifier trains on: the split's first images with their own labels, built once.</summary>
public sealed class TrainingSetsTests : IDisposable
{
    private readonly TinyDataset dataset = new();
    private readonly TempFolder root = new();
    private readonly TempFolder source = new();

    public void Dispose()
    {
        root.Dispose();
        source.Dispose();
    }

    [Fact]
    public void Labelled_images_are_the_first_images_of_the_split_with_their_labels_as_int64()
    {
        using var sets = Sets();

        var train = sets.Labelled("mnist", Split.Train, 2);

        train.Count.Should().Be(2);
        train.Images.shape.Should().Equal(2, 4, 4);
        train.Images.dtype.Should().Be(ScalarType.Byte);
        train.Images.contiguous().ToArray<byte>().Should().Equal(IdxBytes.Pattern(48, seed: 1).Take(32));
        train.Labels.dtype.Should().Be(ScalarType.Int64);
        train.Labels.ToArray<long>().Should().Equal(5, 0);
        sets.Labelled("mnist", Split.Test, 2).Labels.ToArray<long>().Should().Equal(7, 2);
        sets.Labelled("mnist", Split.Train, 2).Should().BeSameAs(train, "each set is built once per process");
    }

    [Fact]
    public void More_images_than_the_split_holds_is_an_error_that_says_so()
    {
        using var sets = Sets();

        var tooMany = () => sets.Labelled("mnist", Split.Train, 4);

        tooMany.Should().Throw<ArgumentException>().WithMessage("4 train images are asked for but Mnist has 3");
    }

    private TrainingSets Sets()
    {
        foreach (var name in dataset.Names)
        {
            File.WriteAllBytes(Path.Combine(source.Path, name), dataset.Raw[name]);
        }

        return new TrainingSets(dataset.Store(root.Path, [new LocalFolderSource(source.Path, "test files")]), CPU);
    }
}
