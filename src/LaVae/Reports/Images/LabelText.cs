namespace LaVae.Reports.Images;

/// <summary>How figures fit labels such as an augmentation pair "mini_image,edge_detect" above a narrow column.</summary>
internal static class LabelText
{
    /// <summary>One line per comma-separated part, each keeping its comma: "a,b" becomes "a,\nb".</summary>
    internal static string WrapAtCommas(string label) => label.Replace(",", ",\n", StringComparison.Ordinal).TrimEnd('\n');
}
