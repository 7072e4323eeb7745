using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dangjian.Domain.Evaluations;

/// <summary>
/// How a campaign's frozen settings are stored: <see cref="EvaluationCriteria"/>, the <see cref="GradeRule"/> list and
/// the <see cref="ComponentWeights"/> as camelCase JSON with Chinese kept readable.
/// </summary>
public static class CampaignJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static EvaluationCriteria Criteria(string json) =>
        JsonSerializer.Deserialize<EvaluationCriteria>(json, Options) ?? throw new JsonException("No criteria.");

    public static IReadOnlyList<GradeRule> Grades(string json) =>
        JsonSerializer.Deserialize<List<GradeRule>>(json, Options) ?? throw new JsonException("No grades.");

    public static ComponentWeights Components(string json) =>
        JsonSerializer.Deserialize<ComponentWeights>(json, Options) ?? throw new JsonException("No components.");
}
