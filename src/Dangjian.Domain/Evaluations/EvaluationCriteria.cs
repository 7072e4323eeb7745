namespace Dangjian.Domain.Evaluations;

/// <summary>
/// What evaluators rate and how (EVA-1, EVA-2): the rating scale, the dimensions with their weights and optional
/// sub-items, and the veto items. A template holds one; a campaign freezes a copy when it is created, so editing the
/// template later never changes a campaign under way.
/// </summary>
public sealed record EvaluationCriteria(
    IReadOnlyList<ScalePoint> Scale,
    IReadOnlyList<CriteriaDimension> Dimensions,
    IReadOnlyList<string> VetoItems)
{
    /// <summary>
    /// The default criteria (EVA-1): 德、能、勤、绩、廉、学 weighted 0.2/0.2/0.15/0.25/0.1/0.1 and the scale
    /// 好/较好/一般/差 = 100/80/60/40; veto items as seed 004 (完善政绩考核评判机制) names them: failing the central task,
    /// a major safety or stability incident.
    /// </summary>
    public static EvaluationCriteria Default { get; } = new(
        [new("好", 100), new("较好", 80), new("一般", 60), new("差", 40)],
        [
            new("德", 0.2m, []), new("能", 0.2m, []), new("勤", 0.15m, []),
            new("绩", 0.25m, []), new("廉", 0.1m, []), new("学", 0.1m, []),
        ],
        ["中心任务未完成", "发生重大安全稳定事件", "违反党风廉政建设规定受到处理"]);

    /// <summary>
    /// 民主评议党员 (EVA-10): one overall rating per member on the four grades of the review itself, so the mean of the
    /// ratings maps straight onto <see cref="GradeRule.MemberReview"/>.
    /// </summary>
    public static EvaluationCriteria MemberReview { get; } = new(
        [new("优秀", 100), new("合格", 80), new("基本合格", 60), new("不合格", 40)],
        [new("综合表现", 1m, ["理想信念", "政治纪律", "作用发挥", "群众评价"])],
        []);
}

/// <summary>A point on the rating scale: its label as the evaluator sees it and its value in points.</summary>
public sealed record ScalePoint(string Label, decimal Value);

/// <summary>A dimension (德, 能 …) with its weight (all weights sum to 1) and optional sub-items shown under it on the form.</summary>
public sealed record CriteriaDimension(string Name, decimal Weight, IReadOnlyList<string> SubItems);

/// <summary>
/// A grade: the composite a subject must reach, the share of subjects that may hold it at most (EVA-6: 优秀 at most
/// 20%), and what follows from it (EVA-7): a bonus coefficient, whether the subject may be named advanced (评先),
/// whether the result is a mark against promotion, and whether a follow-up task is required (EVA-10).
/// </summary>
public sealed record GradeRule(
    string Name,
    decimal Min,
    decimal? Quota,
    decimal? BonusCoefficient = null,
    bool AwardEligible = false,
    bool BlocksPromotion = false,
    bool NeedsFollowUp = false,
    int QuotaDivisor = 1)
{
    /// <summary>
    /// How many of <paramref name="subjects"/> may hold this grade: floor(Quota / QuotaDivisor × subjects), computed as
    /// floor(Quota × subjects / QuotaDivisor) so a third (Quota 1, divisor 3) is exact: 6 members give 2 places, never
    /// 1.999… → 1. Null when the grade has no quota.
    /// </summary>
    public int? Places(int subjects) =>
        Quota is { } q ? (int)decimal.Floor(q * subjects / QuotaDivisor) : null;

    /// <summary>
    /// Annual assessment grades (the default of the assessment contract): 优秀 ≥ 90 at most 20% of subjects, 称职 ≥ 70,
    /// 基本称职 ≥ 60, 不称职 otherwise. The coefficients are examples a district sets for itself.
    /// </summary>
    public static IReadOnlyList<GradeRule> Annual { get; } =
    [
        new("优秀", 90, 0.2m, 1.2m, AwardEligible: true),
        new("称职", 70, null, 1.0m),
        new("基本称职", 60, null, 0.8m, BlocksPromotion: true, NeedsFollowUp: true),
        new("不称职", 0, null, 0m, BlocksPromotion: true, NeedsFollowUp: true),
    ];

    /// <summary>
    /// 民主评议党员 (EVA-10): 优秀/合格/基本合格/不合格, 优秀 at most one third of the members graded (the quota 1 with
    /// divisor 3: floor(n/3) exactly); 基本合格 and 不合格 need a follow-up (限期改正 / 组织处置).
    /// </summary>
    public static IReadOnlyList<GradeRule> MemberReview { get; } =
    [
        new("优秀", 90, 1m, AwardEligible: true, QuotaDivisor: 3),
        new("合格", 70, null),
        new("基本合格", 60, null, BlocksPromotion: true, NeedsFollowUp: true),
        new("不合格", 0, null, BlocksPromotion: true, NeedsFollowUp: true),
    ];
}

/// <summary>How the three components weigh in the composite (EVA-6): 实绩考核, 民主测评, 组织考察; they sum to 1.</summary>
public sealed record ComponentWeights(decimal Achievement, decimal Democratic, decimal Inspection)
{
    /// <summary>The default weights: 0.4 / 0.4 / 0.2.</summary>
    public static ComponentWeights Default { get; } = new(0.4m, 0.4m, 0.2m);

    /// <summary>Member review rests on the members' ratings alone.</summary>
    public static ComponentWeights DemocraticOnly { get; } = new(0m, 1m, 0m);
}
