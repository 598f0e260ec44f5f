using LaVae.Data;
using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Torch;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// The harness's classifier (<see cref="DigitClassifier"/>) trained on a small labelled subset, the
/// first <see cref="LabelledDigits"/> training digits, with one source of augmented images (issue 12,
/// part 3). (b) reads the pair's image augmentations of those digits; (c) and (d) the pair's LAVAE
/// latent space, their <see cref="ArtifactSpec.Source"/>. One kind per source, so each has its key.
/// </summary>
internal abstract class DownstreamClassifierKind(DownstreamSource source, string suffix, string display) : IModelKind
{
    /// <summary>The labelled digits: "a small labelled MNIST subset", the same in every profile.</summary>
    public const int LabelledDigits = 1000;

    public const string NamePrefix = "downstream_classifier_";

    /// <summary>The navigation's constants (<see cref="LatentNavigation.Settings"/>'s defaults), fixed: part of the method.</summary>
    public static readonly LatentNavigation.Settings Navigation = new();

    public DownstreamSource Source => source;

    public string Name => NamePrefix + suffix;

    public string DisplayName => display;

    public bool NeedsSource => source is DownstreamSource.LatentAugmentations or DownstreamSource.LatentNavigation;

    public bool TrainsOnPair => source != DownstreamSource.None;

    /// <summary>Trained by the downstream measure, never a listed model: it has no reconstruction columns.</summary>
    public bool Listable => false;

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.ClassifierEpochs];

    public string FinalStage => "classifier";

    // train_images only bounds the labelled digits it takes (at least LabelledDigits), but it is read.
    public IReadOnlyList<Setting> Identity { get; } = [Setting.BatchSize, Setting.LearningRate, Setting.TrainImages, Setting.ClassifierEpochs];

    public IEnumerable<KeyValuePair<string, double>> FixedIdentity =>
    [
        new("labelled_digits", LabelledDigits),
        .. source == DownstreamSource.LatentNavigation
            ? new KeyValuePair<string, double>[]
            {
                new("navigation_steps", Navigation.Steps),
                new("navigation_step_length", Navigation.StepLength),
                new("navigation_start_radius", Navigation.StartRadius),
                new("navigation_slack", Navigation.Slack),
            }
            : [],
    ];

    public nn.Module Train(ArtifactJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var digits = job.TrainDigits();
        if (digits.Count < LabelledDigits)
        {
            throw new ArgumentException($"{Name} trains on {LabelledDigits} labelled digits, but train_images is {digits.Count}");
        }

        // Every source trains from the same initial weights for a seed: the comparison is paired.
        const string name = "downstream_classifier";
        using var subset = new LabelledImages(digits.Images.narrow(0, 0, LabelledDigits), digits.Labels.narrow(0, 0, LabelledDigits));
        using var pairSets = source == DownstreamSource.ImageAugmentations ? job.TrainSets(job.Spec.Pair).Take(LabelledDigits) : null;
        using var generator = new Generator(Seeds.Derive((ulong)job.Spec.Seed, $"{Name}/navigation"), job.Context.Device);
        var sets = new Lazy<LabelledImages>(() => DownstreamSets.Build(source, subset, pairSets, job.Source as Lavae, Navigation, generator));
        var count = LabelledDigits * (source == DownstreamSource.None ? 1 : 1 + DownstreamSets.AugmentedPerDigit);
        var model = job.Trainers.TrainClassifier(name, sets, count, job.CheckpointPath);
        if (sets.IsValueCreated)
        {
            sets.Value.Dispose();
        }

        return model;
    }

    /// <summary>A classifier reconstructs nothing: it has no Table I columns.</summary>
    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => [];
}

/// <summary>(a) No augmentation.</summary>
internal sealed class DownstreamPlainKind() : DownstreamClassifierKind(DownstreamSource.None, "plain", "no augmentation");

/// <summary>(b) The pair's image-space augmentations.</summary>
internal sealed class DownstreamImageKind() : DownstreamClassifierKind(DownstreamSource.ImageAugmentations, "image_aug", "image augmentations");

/// <summary>(c) LAVAE latent augmentations.</summary>
internal sealed class DownstreamLatentKind() : DownstreamClassifierKind(DownstreamSource.LatentAugmentations, "latent_aug", "LAVAE latent augmentations");

/// <summary>(d) Latent navigation.</summary>
internal sealed class DownstreamNavigationKind() : DownstreamClassifierKind(DownstreamSource.LatentNavigation, "latent_nav", "latent navigation");
