using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaVae.Training;

/// <summary>
/// A trained part's per-epoch losses: stage → term → one value per epoch, each the term's sum over
/// the epoch's batches per training example (<c>loss</c> is the total the stage descends). Kept in
/// the checkpoint's metadata, so a resumed run carries the epochs before the kill, copied into the
/// artifact's description, drawn by the report and written as TensorBoard scalars.
/// </summary>
public sealed class TrainingCurves
{
    /// <summary>The metadata key the curves are stored under in a checkpoint.</summary>
    public const string MetadataKey = "curves";

    /// <summary>The total a stage descends, recorded beside its terms.</summary>
    public const string TotalTerm = "loss";

    // A term that is not finite is refused before its epoch ends; the literals keep a hand-edited file readable.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly Dictionary<string, Dictionary<string, List<double>>> stages;

    public TrainingCurves()
        : this(new Dictionary<string, Dictionary<string, List<double>>>(StringComparer.Ordinal))
    {
    }

    private TrainingCurves(Dictionary<string, Dictionary<string, List<double>>> stages) => this.stages = stages;

    /// <summary>Stage → term → per-epoch values, stages and terms in the order recorded.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>> Stages =>
        stages.ToDictionary(
            stage => stage.Key,
            stage => (IReadOnlyDictionary<string, IReadOnlyList<double>>)stage.Value.ToDictionary(
                term => term.Key, term => (IReadOnlyList<double>)term.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);

    public bool IsEmpty => stages.Count == 0;

    /// <summary>
    /// Records epoch <paramref name="epoch"/> (0-based) of <paramref name="stage"/>: the total and each
    /// term. A stage resumed after a kill records again from the epoch its checkpoint holds, so a later
    /// epoch recorded before the kill is replaced.
    /// </summary>
    public void Record(string stage, int epoch, double total, IEnumerable<KeyValuePair<string, double>> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!stages.TryGetValue(stage, out var curves))
        {
            curves = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            stages.Add(stage, curves);
        }

        foreach (var (term, value) in terms.Prepend(KeyValuePair.Create(TotalTerm, total)))
        {
            if (!curves.TryGetValue(term, out var values))
            {
                values = [];
                curves.Add(term, values);
            }

            if (values.Count != epoch)
            {
                values.RemoveRange(Math.Min(epoch, values.Count), values.Count - Math.Min(epoch, values.Count));
                if (values.Count != epoch)
                {
                    throw new InvalidOperationException($"stage {stage}, term {term}: epoch {epoch + 1} recorded after only {values.Count} epochs");
                }
            }

            values.Add(value);
        }
    }

    /// <summary>Keeps only the first <paramref name="epochs"/> epochs of <paramref name="stage"/>: what a checkpoint of that position holds.</summary>
    public void Truncate(string stage, int epochs)
    {
        if (!stages.TryGetValue(stage, out var curves))
        {
            return;
        }

        foreach (var values in curves.Values.Where(values => values.Count > epochs))
        {
            values.RemoveRange(epochs, values.Count - epochs);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(stages, Json);

    /// <summary>The curves of <see cref="ToJson"/>; text of another shape is a damaged record.</summary>
    /// <exception cref="InvalidDataException">The text is not curves as <see cref="ToJson"/> writes them.</exception>
    public static TrainingCurves FromJson(string json)
    {
        Dictionary<string, Dictionary<string, List<double>>>? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, List<double>>>>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"training curves are not stage → term → values: {e.Message}", e);
        }

        if (parsed is null || parsed.Values.Any(stage => stage is null || stage.Values.Any(values => values is null)))
        {
            throw new InvalidDataException("training curves are not stage → term → values");
        }

        return new TrainingCurves(parsed.ToDictionary(
            stage => stage.Key,
            stage => new Dictionary<string, List<double>>(stage.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));
    }
}
