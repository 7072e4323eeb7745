using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dangjian.Domain.Common;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Enums as their names, like <see cref="JsonStringEnumConverter"/>, for the enums with a renamed value
/// (<see cref="FormerNameAttribute"/>): a client still sending the former name is understood; answers use the new name.
/// </summary>
public sealed class FormerEnumNamesConverter : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter Names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && FormerNames(typeToConvert).Count > 0;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(Converter<>).MakeGenericType(typeToConvert), FormerNames(typeToConvert), Names.CreateConverter(typeToConvert, options))!;

    /// <summary>Former name → value, for the values of <paramref name="enumType"/> that carry one.</summary>
    public static FrozenDictionary<string, object> FormerNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .SelectMany(f => f.GetCustomAttributes<FormerNameAttribute>().Select(a => KeyValuePair.Create(a.Name, f.GetValue(null)!)))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private sealed class Converter<T>(FrozenDictionary<string, object> former, JsonConverter inner) : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && former.TryGetValue(reader.GetString()!, out var value)
                ? (T)value
                : _inner.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            former.TryGetValue(reader.GetString()!, out var value) ? (T)value : _inner.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            _inner.WriteAsPropertyName(writer, value, options);
    }
}
