namespace Dangjian.Domain.Evaluations;

/// <summary>One step of the rating scale (EVA-1), e.g. 好 = 100.</summary>
public sealed record ScaleLevel(string Label, decimal Value);

/// <summary>A weighted dimension (德、能、勤、绩、廉、学, EVA-1) or evaluator group (班子成员, 干部职工…, EVA-3).</summary>
public sealed record NamedWeight(string Name, decimal Weight);

/// <summary>
/// A grade (考核等次): reached by a composite of at least <see cref="Min"/>; <see cref="Quota"/>, when set, is the
/// largest share of subjects that may hold it (e.g. 优秀 0.2), divided by <see cref="QuotaDivisor"/> so a share a decimal
/// cannot hold is still exact (member review's one third: Quota 1, divisor 3). The contract's JSON always gives divisor 1.
/// </summary>
public sealed record EvaluationGrade(string Name, decimal Min, decimal? Quota = null, int QuotaDivisor = 1)
{
    /// <summary>floor(Quota × subjects / QuotaDivisor); null without a quota.</summary>
    public int? Places(int subjects) => Quota is { } q ? (int)decimal.Floor(q * subjects / QuotaDivisor) : null;
}

/// <summary>One evaluator's response: their group and a scale label per dimension.</summary>
public sealed record EvaluationResponse(string Group, IReadOnlyDictionary<string, string> Ratings);

/// <summary>A subject of the assessment with its achievement and inspection scores, its veto (一票否决, EVA-2) and its responses.</summary>
public sealed record ScoringSubject(
    string Name,
    decimal Achievement,
    decimal Inspection,
    bool Veto,
    IReadOnlyList<EvaluationResponse> Responses);

/// <summary>
/// Everything the composite assessment needs (the input of `dangjian evaluation score`). Scale, dimensions and groups
/// keep their given order; grades are in descending <c>min</c> order.
/// </summary>
public sealed record ScoringInput(
    IReadOnlyList<ScaleLevel> Scale,
    IReadOnlyList<NamedWeight> Dimensions,
    IReadOnlyList<NamedWeight> Groups,
    ComponentWeights Components,
    IReadOnlyList<EvaluationGrade> Grades,
    string VetoGrade,
    IReadOnlyList<ScoringSubject> Subjects);

/// <summary>A group's part of a subject's democratic score: its response count and mean (null when it has no responses).</summary>
public sealed record GroupScore(string Group, int Responses, decimal? Score);

/// <summary>
/// One subject's result, unrounded (round only for display, with <see cref="EvaluationScoring.Round"/>).
/// <see cref="ThresholdGrade"/> is the grade its composite reaches before quotas and veto; <see cref="Grade"/> the final one.
/// </summary>
public sealed record SubjectScore(
    string Name,
    decimal Democratic,
    decimal Composite,
    string ThresholdGrade,
    string Grade,
    int Rank,
    bool Vetoed,
    bool DemotedByQuota,
    IReadOnlyList<GroupScore> Groups);

/// <summary>
/// A tie across <see cref="Grade"/>'s quota line: <see cref="Names"/> share the composite <see cref="Score"/>, the grade
/// had <see cref="Places"/> places and <see cref="Kept"/> went to higher composites; all of them moved down to
/// <see cref="MovedTo"/> (EVA-6: a tie across the limit moves down whole, nobody is picked by chance or by name).
/// </summary>
public sealed record GradeTie(string Grade, string MovedTo, decimal Score, IReadOnlyList<string> Names, int Places, int Kept);

/// <summary>The assessment's result: subjects by composite descending, then name (ordinal).</summary>
public sealed record ScoringResult(IReadOnlyList<SubjectScore> Subjects);
