using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>Builders for scoring input: the default configuration, and subjects whose composite is set directly.</summary>
internal static class Scoring
{
    public static readonly string[] Dimensions = ["德", "能", "勤", "绩", "廉", "学"];

    /// <summary>The default configuration (EvaluationCriteria's defaults) with no subjects.</summary>
    public static ScoringInput Example(params ScoringSubject[] subjects) => new(
        [new("好", 100), new("较好", 80), new("一般", 60), new("差", 40)],
        [new("德", 0.2m), new("能", 0.2m), new("勤", 0.15m), new("绩", 0.25m), new("廉", 0.1m), new("学", 0.1m)],
        [new("班子成员", 0.3m), new("干部职工", 0.4m), new("群众代表", 0.3m)],
        new(0.4m, 0.4m, 0.2m),
        [new("优秀", 90, 0.2m), new("称职", 70), new("基本称职", 60), new("不称职", 0)],
        "不称职",
        subjects);

    /// <summary>The example's configuration, but the composite is the achievement alone: subjects get the composite they are given.</summary>
    public static ScoringInput ByComposite(params ScoringSubject[] subjects) =>
        Example(subjects) with { Components = new(1, 0, 0) };

    public static ScoringSubject Subject(string name, decimal composite, bool veto = false) =>
        new(name, composite, 0, veto, []);

    /// <summary>Subjects S01, S02… with the given composites.</summary>
    public static ScoringSubject[] Subjects(params decimal[] composites) =>
        composites.Select((c, i) => Subject($"S{i + 1:00}", c)).ToArray();

    /// <summary>A response rating every dimension with the same label.</summary>
    public static EvaluationResponse All(string group, string label) =>
        new(group, Dimensions.ToDictionary(d => d, _ => label));

    public static EvaluationResponse Response(string group, params string[] labels) =>
        new(group, Dimensions.Zip(labels).ToDictionary(p => p.First, p => p.Second));

    public static SubjectScore Of(this ScoringResult result, string name) => result.Subjects.Single(s => s.Name == name);

    public static string GradeOf(this ScoringResult result, string name) => result.Of(name).Grade;
}
