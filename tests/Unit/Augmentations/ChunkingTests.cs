using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

/// <summary>Batches larger than a chunk give the same images as their parts augmented alone.</summary>
public class ChunkingTests
{
    private const int Count = ImageBatch.ChunkSize + 6;
    private const int Tail = 6;

    public static TheoryData<string> Chunked => new("edge_detect", "shearX", "canny", "gaussian_blur");

    [Theory]
    [MemberData(nameof(Chunked))]
    public void The_images_after_the_first_chunk_match_those_augmented_alone(string name)
    {
        using var scope = NewDisposeScope();
        var images = TestImages.Random(Count, seed: 12);
        var parameter = arange(0, Count, 1, ScalarType.Float64) / Count;

        var whole = Augment(name, images, parameter);
        var alone = Augment(name, images.narrow(0, Count - Tail, Tail), parameter.narrow(0, Count - Tail, Tail));

        TestImages.Bytes(whole.narrow(0, Count - Tail, Tail)).Should().Equal(TestImages.Bytes(alone));
    }

    /// <summary>The augmentation with per-image parameters spread over its range by <paramref name="fraction"/> in [0, 1).</summary>
    private static Tensor Augment(string name, Tensor images, Tensor fraction) => name switch
    {
        "edge_detect" => EdgeDetect.Apply(images, fraction),
        "shearX" => ShearX.Apply(images, fraction * 5 - 50),
        "canny" => Canny.Apply(images, (fraction * 80 + 60).floor(), (fraction * 80 + 160).floor(), (fraction * 3).floor() * 2 + 3),
        "gaussian_blur" => GaussianBlur.Apply(images, tensor(new[] { 1.1f })),
        _ => throw new ArgumentException(name, nameof(name)),
    };
}
