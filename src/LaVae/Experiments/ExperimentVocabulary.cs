namespace LaVae.Experiments;

/// <summary>
/// The names an experiment file may use. The parser validates against an instance of this, so the
/// augmentation and model registries can supply their own lists (<c>Default with { Augmentations = ... }</c>).
/// </summary>
public sealed record ExperimentVocabulary
{
    public required IReadOnlySet<string> Augmentations { get; init; }

    /// <summary>Model kind → the name the paper prints (lavae → LAVAE).</summary>
    public required IReadOnlyDictionary<string, string> ModelKinds { get; init; }

    public required IReadOnlySet<string> Datasets { get; init; }

    public required MetricGrammar Metrics { get; init; }

    /// <summary>The augmentations of paper.md section 3, the registered model kinds, MNIST and Fashion-MNIST.</summary>
    public static ExperimentVocabulary Default { get; } = new()
    {
        Augmentations = new HashSet<string>(StringComparer.Ordinal)
        {
            "flip_lr", "flip_ud", "rotate_cw", "rotate_ccw", "mini_image", "edge_detect",
            "shearX", "canny", "gaussian_blur", "tl_sap_noise", "sap_noise",
        },
        ModelKinds = Artifacts.ModelKinds.Listable,
        Datasets = new HashSet<string>(StringComparer.Ordinal) { "mnist", "fashion-mnist" },
        Metrics = MetricGrammar.Reconstruction,
    };

    /// <summary>The printed name of a model kind or metric column; any other key is printed as is.</summary>
    public string DisplayName(string key)
    {
        if (ModelKinds.TryGetValue(key, out var model))
        {
            return model;
        }

        var column = Metrics.IndexOf(key);
        return column >= 0 ? Metrics.Columns[column].DisplayName : key;
    }
}
