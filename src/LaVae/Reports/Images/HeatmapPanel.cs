namespace LaVae.Reports.Images;

/// <summary>
/// One heatmap of a figure, e.g. Fig. 7 as measured ("ours") or as published ("paper").
/// Cells[row, column]; a null cell is missing (drawn gray with "—"). The axis titles default to
/// the transfer experiments' axes: the pair a latent space was trained on, the pair a decoder head is for.
/// </summary>
public sealed record HeatmapPanel(
    string Title,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    HeatmapCell?[,] Cells,
    string RowAxisTitle = "latent space trained on",
    string ColumnAxisTitle = "decoder head for");
