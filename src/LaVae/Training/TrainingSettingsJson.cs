using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaVae.Training;

/// <summary>
/// Settings in JSON (results files) as one flat object by YAML key, <c>{"filters": 64, "epochs.stage1": 8}</c>,
/// every declared setting exactly once, so a file written before a setting was added or renamed is refused.
/// </summary>
public sealed class TrainingSettingsJson : JsonConverter<TrainingSettings>
{
    public override TrainingSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("settings must be an object");
        }

        var values = new Dictionary<Setting, double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            var setting = Setting.All.FirstOrDefault(s => s.Key == key) ?? throw new JsonException($"unknown setting '{key}'");
            reader.Read();
            if (!values.TryAdd(setting, reader.GetDouble()))
            {
                throw new JsonException($"setting '{key}' is given twice");
            }
        }

        try
        {
            return new TrainingSettings(values);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TrainingSettings value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var setting in Setting.All)
        {
            writer.WriteNumber(setting.Key, value.KeyValue(setting));
        }

        writer.WriteEndObject();
    }
}
