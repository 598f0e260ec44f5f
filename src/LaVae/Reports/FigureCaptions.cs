namespace LaVae.Reports;

/// <summary>
/// What a figure shows, read from the name its figure kind gives the file (src/LaVae/Figures), so the
/// report can say it under the figure. A name no kind writes (a grid named in an experiment's YAML)
/// gets no description; its file name is its caption.
/// </summary>
internal static class FigureCaptions
{
    /// <param name="file">The figure's path relative to its run folder, e.g. "figures/transfer-heatmap.png".</param>
    public static string For(string file)
    {
        var description = Describe(Path.GetFileNameWithoutExtension(file));
        return description is null ? file : $"{description} ({file})";
    }

    private static string? Describe(string stem)
    {
        var parts = stem.Split('-');
        return parts switch
        {
            ["transfer", "heatmap"] => "Fig. 7 / 18: total BCE per image of each decoder head (columns) on each latent space (rows), ours beside the paper on one colour scale",
            ["transfer", var source, "to", var target] => $"The decoder head for {target} on the {source} latent space: originals, targets and decoded images",
            ["augment", "invert", var pair] => $"Fig. 3 / 4: augmentations, their compositions and inverses through the latent maps of {pair}",
            ["recursion", var pair, var augmentation, "steps"] => $"Fig. 5: {augmentation} applied again and again on the {pair} latent space: the image-space loop beside Aⁿ(x0) and the latent power",
            ["recursion", var pair, var augmentation, "path"] => $"Fig. 5: latent paths of a stable and a drifting digit under the recursion of {augmentation} ({pair}), in the FastICA plane",
            ["entanglement", var model] => $"Fig. 8 / 9: {model}'s decoded images with identity (id) and class (c) verdicts",
            ["geometry", var pair] => $"Fig. 10: PCA, FastICA and t-SNE of class-2 test digits as images, latents and reconstructions on {pair}, coloured by augmentation",
            ["sampling", var prior, var pair] => $"Fig. 13: decoded samples of the {pair} latent space ({prior} prior) with each augmentation applied",
            ["interpolation", var pair] => $"Fig. 14: interpolations between test digits in the {pair} latent space with each augmentation applied",
            ["swaps", var dataset, "encoder"] => $"The {dataset} encoder with each dataset's decoder, with and without fine-tuning",
            ["training", "curves", .. var kind] => $"Training curves of every {string.Join('-', kind)} part: each stage's loss and its terms per training example, epoch by epoch, a line per part",
            ["squared", "map", var pair] => $"Does L1·L1 act as L2 on {pair}? The target A2(x0) beside decode(z0·L2), decode(z0·L1·L1) and decode(z0) with no map",
            ["budget", "ladder"] => "Table I's columns against the training budget (images seen in stage 1, log scale): ours per model through the ladder's rungs, the paper's cell dashed",
            ["downstream", "accuracy"] => "Test accuracy of the classifier trained with each augmentation source; bar the mean over seeds, whisker min to max",
            [.., "reconstructions"] => $"Table I: reconstructions of the first test digits by {string.Join('-', parts[..^1])}, row by row the targets and the decoded images",
            _ => null,
        };
    }
}
