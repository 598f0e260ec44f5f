using LaVae.Measures;

namespace LaVae.Figures;

/// <summary>
/// A kind of figure an experiment may ask for (<c>figures: [transfer_heatmap]</c>). It renders from
/// the trained parts and the measured metrics, writes PNG/SVG files under the run folder and returns
/// their paths. One class per kind, found by <see cref="FigureRegistry"/>.
/// </summary>
public interface IFigureKind
{
    string Name { get; }

    /// <summary>Why the design cannot have this figure, or null.</summary>
    string? Problem(ExperimentDesign design);

    /// <summary>Writes the figure's files; returns them relative to the run folder, '/'-separated.</summary>
    IReadOnlyList<string> Render(FigureContext context);
}
