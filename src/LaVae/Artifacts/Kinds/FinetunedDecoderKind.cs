using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// A swapped VAE's decoder made to fit its new encoder: the decoder of the plain VAE of the part's own
/// dataset (B), fine-tuned on the first <see cref="Images"/> training images of B encoded by the frozen
/// encoder of its <see cref="ArtifactSpec.Source"/> (the plain VAE of dataset A). How many target
/// images is part of the kind's name (one kind per count), because one experiment compares counts and
/// an experiment's settings hold one value each.
/// </summary>
internal abstract class FinetunedDecoderKind(int images) : IModelKind
{
    public const string NamePrefix = "vae_decoder_finetuned_";

    public int Images => images;

    public string Name => $"{NamePrefix}{images}";

    public string DisplayName => $"VAE decoder fine-tuned on {images} images";

    public bool NeedsSource => true;

    public bool TrainsOnPair => false;

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.Stage3Epochs];

    public string FinalStage => "finetune";

    /// <summary>The part that fine-tunes encoder A's swap onto dataset B with <paramref name="images"/> target images.</summary>
    public static ArtifactSpec Spec(int images, ArtifactSpec encoderVae, ArtifactSpec decoderVae)
    {
        ArgumentNullException.ThrowIfNull(encoderVae);
        ArgumentNullException.ThrowIfNull(decoderVae);
        return new ArtifactSpec($"{NamePrefix}{images}", decoderVae.Dataset, ArtifactSpec.NoPair, decoderVae.Seed, decoderVae.Settings, encoderVae);
    }

    /// <summary>The plain VAE whose decoder it starts from: the one of its own dataset, seed and settings.</summary>
    public static ArtifactSpec StartingVae(ArtifactSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ArtifactSpec("vae", spec.Dataset, ArtifactSpec.NoPair, spec.Seed, spec.Settings);
    }

    // The starting decoder's key is not in the source's: it is fixed by this part's dataset, seed and
    // the plain VAE's settings, so those settings are part of this key.
    public IReadOnlyList<Setting> Identity { get; } = KindIdentity.Common(Setting.KlWeight, Setting.TrainImages, Setting.Stage1Epochs, Setting.Stage3Epochs);

    public IEnumerable<KeyValuePair<string, double>> FixedIdentity => [new("finetune_images", images)];

    public nn.Module Train(ArtifactJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var encoder = (PlainVae)job.Source!;
        var start = (PlainVae)job.Trained(StartingVae(job.Spec));
        var originals = job.TrainDigits().Images;
        if (originals.size(0) < images)
        {
            throw new ArgumentException($"{Name} fine-tunes on {images} training images, but train_images is {originals.size(0)}");
        }

        using var targets = originals.narrow(0, 0, images);
        return job.Trainers.TrainFinetunedDecoder(job.Spec.TrainingName, encoder.Encoder, start.Decoder, targets, job.CheckpointPath);
    }

    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => [];
}

/// <summary>The swapped decoder fine-tuned on 100 target images.</summary>
internal sealed class FinetunedDecoder100Kind() : FinetunedDecoderKind(100);

/// <summary>The swapped decoder fine-tuned on 1,000 target images.</summary>
internal sealed class FinetunedDecoder1000Kind() : FinetunedDecoderKind(1000);
