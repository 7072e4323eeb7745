using System.Text.Json;
using System.Text.Json.Serialization;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Web.Features.Evaluations.Results;

/// <summary>
/// What <see cref="EvaluationResult.DetailJson"/> holds for a subject: per group its score and response count and the
/// distribution of scale labels (for the charts), per dimension the mean value, the 群众代表 criticism flag (EVA-7),
/// the grade its composite reached before quotas, and the scores the result was computed from (so a later change
/// of a score shows the results as stale). The criticism flag keeps the JSON name it was stored under before 群众 was named
/// Resident in the code, so stored results still read.
/// </summary>
public sealed record ResultDetail(
    IReadOnlyList<GroupDetail> Groups,
    IReadOnlyList<DimensionMean> Dimensions,
    string ThresholdGrade,
    [property: JsonPropertyName("massCriticism")] bool ResidentCriticism,
    decimal? WorstShare,
    ScoreInputs Inputs)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Write() => CampaignJson.Write(this);

    public static ResultDetail Read(string json) =>
        JsonSerializer.Deserialize<ResultDetail>(json, Options)
        ?? throw new JsonException("No result detail.");
}

/// <summary>A group's part of a subject's result; <see cref="Counts"/> is per scale label how many ratings (all dimensions) it received.</summary>
public sealed record GroupDetail(int GroupId, string Name, EvaluatorKind Kind, int Responses, decimal? Score, IReadOnlyDictionary<string, int> Counts);

public sealed record DimensionMean(string Name, decimal? Mean);

/// <summary>The subject's entered scores and veto when its result was computed.</summary>
public sealed record ScoreInputs(decimal? Achievement, decimal? Inspection, string? VetoItems);
