using System.Globalization;
using System.Numerics;

namespace LaVae.Training;

/// <summary>What a setting's value can change, which decides the keys it enters.</summary>
public enum SettingEffect
{
    /// <summary>Trained weights: a model kind that reads it lists it in its identity, and the run key carries it.</summary>
    Weights,

    /// <summary>Measured numbers only (the test images): the run key carries it, no artifact key does.</summary>
    Measurements,

    /// <summary>Neither (how often checkpoints are written): no key carries it.</summary>
    Nothing,
}

/// <summary>
/// A training setting, declared once: its YAML key, type, lower bound, meaning and effect. The YAML
/// schema and validation (<c>SettingsSchema</c>), the run key, every model kind's artifact identity,
/// `lavae settings` and the README's settings table all derive from these declarations; adding a
/// setting is adding one line to <see cref="All"/>.
/// </summary>
public abstract class Setting
{
    private protected Setting(string key, double minimum, bool minimumExcluded, double maximum, SettingEffect effect, string meaning)
    {
        (Key, Minimum, MinimumExcluded, Maximum, Effect, Meaning) = (key, minimum, minimumExcluded, maximum, effect, meaning);
    }

    // Upper bounds only where a value sizes the model's tensors, so a slip of the keyboard is refused
    // naming the setting instead of by libtorch's allocator: 16 and 256 times the paper's 64 and 16.
    public static Setting<int> Filters { get; } = new("filters", 1, SettingEffect.Weights, "F: channels of the first convolution; the second has 2F.", maximum: 1024);

    public static Setting<int> Latent { get; } = new("latent", 1, SettingEffect.Weights, "Latent dimensions (16 in the paper); also the size of each map L_k.", maximum: 4096);

    public static Setting<int> BatchSize { get; } = new("batch_size", 1, SettingEffect.Weights, "Images per optimizer step.");

    public static Setting<double> LearningRate { get; } = new("learning_rate", 0, SettingEffect.Weights, "AdaBelief learning rate, every stage.", minimumExcluded: true);

    public static Setting<double> KlWeight { get; } = new("kl_weight", 0, SettingEffect.Weights, "Weight of the KL term against the summed BCE.");

    public static Setting<double> InvolutoryWeight { get; } = new("involutory_weight", 0, SettingEffect.Weights, "lambda_invol: weight of the involutory penalty ‖I − L_k·L_k‖² in stage 2.");

    public static Setting<int> TrainImages { get; } = new("train_images", 1, SettingEffect.Weights, "Original training images used (each yields four aligned images).");

    public static Setting<int> TestImages { get; } = new("test_images", 1, SettingEffect.Measurements, "Original test images the metrics average over.");

    public static Setting<int> Stage1Epochs { get; } = new("epochs.stage1", 0, SettingEffect.Weights, "Stage 1: encoder and decoder 0 (also the plain VAE and the merged ablation).");

    public static Setting<int> Stage2Epochs { get; } = new("epochs.stage2", 0, SettingEffect.Weights, "Stage 2: the latent maps L_k only.");

    public static Setting<int> Stage3Epochs { get; } = new("epochs.stage3", 0, SettingEffect.Weights, "Stage 3: each transfer decoder head (also the fine-tuned swap decoders).");

    public static Setting<int> CvaeEpochs { get; } = new("epochs.cvae", 0, SettingEffect.Weights, "Each CVAE baseline and CSVAE.");

    public static Setting<int> ClassifierEpochs { get; } = new("epochs.classifier", 0, SettingEffect.Weights, "The harness's classifiers (class measures, downstream value); not in the paper.");

    public static Setting<int> CheckpointEvery { get; } = new("checkpoint_every", 1, SettingEffect.Nothing, "Epochs between checkpoints; does not change the trained weights.");

    /// <summary>Every setting, in the order keys and tables list them.</summary>
    public static IReadOnlyList<Setting> All { get; } =
    [
        Filters, Latent, BatchSize, LearningRate, KlWeight, InvolutoryWeight, TrainImages, TestImages,
        Stage1Epochs, Stage2Epochs, Stage3Epochs, CvaeEpochs, ClassifierEpochs, CheckpointEvery,
    ];

    /// <summary>As YAML writes it, dotted where nested: <c>epochs.stage1</c> is <c>epochs: {stage1: ...}</c>.</summary>
    public string Key { get; }

    public abstract bool IsInteger { get; }

    public double Minimum { get; }

    /// <summary>Whether <see cref="Minimum"/> itself is refused (a learning rate must be above 0).</summary>
    public bool MinimumExcluded { get; }

    /// <summary>The largest value allowed, infinity where no value allocates more than the data holds.</summary>
    public double Maximum { get; }

    public SettingEffect Effect { get; }

    /// <summary>One sentence for `lavae settings` and the README.</summary>
    public string Meaning { get; }

    /// <summary>"integer ≥ 1", "number > 0", "integer ≥ 1, ≤ 1024".</summary>
    public string Bounds => $"{(IsInteger ? "integer" : "number")} {(MinimumExcluded ? ">" : "≥")} {Minimum.ToString(CultureInfo.InvariantCulture)}"
        + (double.IsFinite(Maximum) ? $", ≤ {Maximum.ToString(CultureInfo.InvariantCulture)}" : "");

    /// <exception cref="KeyNotFoundException">No setting has this key.</exception>
    public static Setting Find(string key) =>
        All.FirstOrDefault(setting => setting.Key == key)
        ?? throw new KeyNotFoundException($"no setting '{key}' (known: {string.Join(", ", All.Select(s => s.Key))})");

    /// <summary>Whether <paramref name="value"/> is of this setting's type and within its bound.</summary>
    public bool Allows(double value) =>
        double.IsFinite(value)
        && (!IsInteger || (value == Math.Floor(value) && value <= int.MaxValue))
        && (MinimumExcluded ? value > Minimum : value >= Minimum)
        && value <= Maximum;

    public override string ToString() => Key;
}

/// <summary>A setting whose value reads as <typeparamref name="T"/> (int or double).</summary>
public sealed class Setting<T> : Setting
    where T : struct, INumber<T>
{
    internal Setting(string key, double minimum, SettingEffect effect, string meaning, bool minimumExcluded = false, double maximum = double.PositiveInfinity)
        : base(key, minimum, minimumExcluded, maximum, effect, meaning)
    {
    }

    public override bool IsInteger => typeof(T) == typeof(int);

    internal T FromValue(double value) => T.CreateChecked(value);
}
