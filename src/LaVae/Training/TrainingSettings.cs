using System.Globalization;

namespace LaVae.Training;

/// <summary>
/// The training settings of one resolved experiment: a value for every declared <see cref="Setting"/>
/// (the shared settings, the experiment's own, then the profile's overrides). Values are read through
/// the declarations (<c>settings[Setting.BatchSize]</c>), so a copy made by <see cref="Observed"/> can
/// report every read: the test that a model kind's identity lists each setting its training reads.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(TrainingSettingsJson))]
public sealed class TrainingSettings : IEquatable<TrainingSettings>
{
    private readonly IReadOnlyDictionary<Setting, double> values;
    private readonly Action<Setting>? onRead;

    /// <exception cref="ArgumentException">A declared setting is missing, or a value is outside its setting's type or bound.</exception>
    public TrainingSettings(IReadOnlyDictionary<Setting, double> values)
        : this(Checked(values), onRead: null)
    {
    }

    private TrainingSettings(IReadOnlyDictionary<Setting, double> values, Action<Setting>? onRead)
    {
        this.values = values;
        this.onRead = onRead;
    }

    public int this[Setting<int> setting] => setting.FromValue(Value(setting));

    public double this[Setting<double> setting] => setting.FromValue(Value(setting));

    /// <summary>A value as a number, whatever its setting's type (for keys and tables).</summary>
    public double Value(Setting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        onRead?.Invoke(setting);
        return values[setting];
    }

    /// <summary>
    /// A value for a key or a record (artifact and run keys, results files, reports), not for training:
    /// it is not reported to an observer, so the reads <see cref="Observed"/> reports are training's own.
    /// </summary>
    internal double KeyValue(Setting setting) => values[setting];

    /// <summary>A copy with one value changed.</summary>
    public TrainingSettings With(Setting setting, double value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var changed = values.ToDictionary();
        changed[setting] = value;
        return new TrainingSettings(Checked(changed), onRead);
    }

    /// <summary>An equal copy that calls <paramref name="onRead"/> with each setting read from it.</summary>
    public TrainingSettings Observed(Action<Setting> onRead) => new(values, onRead);

    public bool Equals(TrainingSettings? other) =>
        other is not null && Setting.All.All(setting => values[setting].Equals(other.values[setting]));

    public override bool Equals(object? obj) => Equals(obj as TrainingSettings);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var setting in Setting.All)
        {
            hash.Add(values[setting]);
        }

        return hash.ToHashCode();
    }

    /// <summary>key=value, every setting in declared order.</summary>
    public override string ToString() =>
        string.Join(", ", Setting.All.Select(setting => $"{setting.Key}={values[setting].ToString(CultureInfo.InvariantCulture)}"));

    private static Dictionary<Setting, double> Checked(IReadOnlyDictionary<Setting, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var setting in Setting.All)
        {
            if (!values.TryGetValue(setting, out var value))
            {
                throw new ArgumentException($"setting '{setting.Key}' has no value", nameof(values));
            }

            if (!setting.Allows(value))
            {
                throw new ArgumentException($"setting '{setting.Key}' must be {setting.Bounds}, found {value.ToString(CultureInfo.InvariantCulture)}", nameof(values));
            }
        }

        return values.Count == Setting.All.Count
            ? values.ToDictionary()
            : throw new ArgumentException("values are given for settings that are not declared", nameof(values));
    }
}
