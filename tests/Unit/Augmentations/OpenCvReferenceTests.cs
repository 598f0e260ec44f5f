using System.Text.Json;
using LaVae.Augmentations;
using LaVae.Torch;

namespace LaVae.Tests.Unit.Augmentations;

/// <summary>
/// Compares the augmentations with what the authors' libraries produce for the same images and
/// parameters: Reference/*.json, written by Reference/make_reference.py with OpenCV 4.6, scikit-image
/// 0.19.3 and torchvision 0.14.1 (imgaug's calls reproduced there).
/// </summary>
public class OpenCvReferenceTests
{
    [Fact]
    public void Canny_matches_OpenCV_pixel_for_pixel()
    {
        using var scope = NewDisposeScope();
        var reference = Reference.Load("canny");

        var output = Canny.Apply(reference.Images, reference.Parameter("low"), reference.Parameter("high"), reference.Parameter("aperture"));

        reference.Mismatches(output).Should().BeEmpty();
    }

    [Fact]
    public void Edge_detect_matches_OpenCVs_filter2D_pixel_for_pixel()
    {
        using var scope = NewDisposeScope();
        var reference = Reference.Load("edge_detect");

        var output = EdgeDetect.Apply(reference.Images, reference.Parameter("alpha").to(ScalarType.Float32));

        reference.Mismatches(output).Should().BeEmpty();
    }

    [Fact]
    public void ShearX_matches_imgaugs_warp_with_OpenCV_pixel_for_pixel()
    {
        using var scope = NewDisposeScope();
        var reference = Reference.Load("shearX");

        var output = ShearX.Apply(reference.Images, reference.Parameter("degrees"));

        reference.Mismatches(output).Should().BeEmpty();
    }

    [Fact]
    public void Mini_image_matches_torchvision_pixel_for_pixel()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(0);
        var reference = Reference.Load("mini_image");

        var output = new MiniImage().Apply(reference.Images, generator);

        reference.Mismatches(output).Should().BeEmpty();
    }

    [Fact]
    public void Gaussian_blur_matches_torchvision_pixel_for_pixel()
    {
        using var scope = NewDisposeScope();
        var reference = Reference.Load("gaussian_blur");
        var sigmas = reference.Parameter("sigma").to(ScalarType.Float32);
        var quarter = reference.Count / 4;

        var output = cat(Enumerable.Range(0, 4)
            .Select(k => GaussianBlur.Apply(reference.Images.narrow(0, k * quarter, quarter), sigmas.narrow(0, k, 1)))
            .ToArray());

        reference.Mismatches(output).Should().BeEmpty();
    }

    private sealed record Reference(int Count, Tensor Images, byte[] Expected, JsonElement Parameters)
    {
        private const int Pixels = TestImages.Side * TestImages.Side;

        public static Reference Load(string name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Augmentations", "Reference", name + ".json");
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var count = root.GetProperty("count").GetInt32();
            var images = Convert.FromBase64String(root.GetProperty("images").GetString()!);
            var expected = Convert.FromBase64String(root.GetProperty("expected").GetString()!);
            return new Reference(count, tensor(images, new long[] { count, TestImages.Side, TestImages.Side }), expected, root.GetProperty("parameters").Clone());
        }

        /// <summary>A per-image parameter as a float64 tensor.</summary>
        public Tensor Parameter(string name) =>
            tensor(Parameters.GetProperty(name).EnumerateArray().Select(value => value.GetDouble()).ToArray());

        /// <summary>"image i (row, column): got g, expected e" for every pixel that differs.</summary>
        public IEnumerable<string> Mismatches(Tensor output)
        {
            var actual = TestImages.Bytes(output);
            return Enumerable.Range(0, Expected.Length)
                .Where(i => actual[i] != Expected[i])
                .Select(i => $"image {i / Pixels} ({i % Pixels / TestImages.Side}, {i % TestImages.Side}): got {actual[i]}, expected {Expected[i]}")
                .ToArray();
        }
    }
}
