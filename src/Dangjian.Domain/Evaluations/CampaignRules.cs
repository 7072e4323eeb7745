using Dangjian.Domain.Common;

namespace Dangjian.Domain.Evaluations;

/// <summary>Weights that must sum to 1: evaluator groups (EVA-3), criteria dimensions (EVA-1), components (EVA-6).</summary>
public static class EvaluationWeights
{
    /// <summary>How far a set of weights may be from summing to 1: the one tolerance of every weight check (EVA-1, EVA-3, EVA-6).</summary>
    public const decimal Tolerance = 0.0001m;

    public static bool SumToOne(IEnumerable<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return Math.Abs(weights.Sum() - 1m) <= Tolerance;
    }
}

/// <summary>
/// One of the usual evaluator groups of a kind of campaign (EVA-3), as rule data: its kind, its weight, and the
/// resource key of its name (the group is created under the name in the organizer's language).
/// </summary>
public sealed record DefaultEvaluatorGroup(EvaluatorKind Kind, decimal Weight)
{
    /// <summary>The resource key of the group's name: the evaluator kind's label.</summary>
    public string NameKey => $"{nameof(EvaluatorKind)}.{Kind}";
}

/// <summary>
/// The settings a campaign is created with and the checks they must pass (EVA-3, EVA-6, EVA-7): the usual evaluator
/// groups, grades and component weights of each kind, and the grade list's and the components' rules.
/// </summary>
public static class CampaignRules
{
    public const int MaxGradeNameLength = 50;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>
    /// The usual groups (EVA-3): 班子成员 0.3 / 干部职工 0.4 / 群众代表 0.3 for a leadership team or cadres, 党员 1.0 for
    /// 民主评议党员 (the members rate one another).
    /// </summary>
    public static IReadOnlyList<DefaultEvaluatorGroup> DefaultGroups(CampaignKind kind) =>
        kind == CampaignKind.MemberReview
            ? [new(EvaluatorKind.Members, 1m)]
            : [new(EvaluatorKind.TeamMembers, 0.3m), new(EvaluatorKind.Staff, 0.4m), new(EvaluatorKind.ResidentRepresentatives, 0.3m)];

    public static IReadOnlyList<GradeRule> DefaultGrades(CampaignKind kind) => kind == CampaignKind.MemberReview ? GradeRule.MemberReview : GradeRule.Annual;

    /// <summary>民主测评 and 民主评议党员 rest on the ratings alone; the assessments weigh 实绩 and 组织考察 too (EVA-6).</summary>
    public static ComponentWeights DefaultComponents(CampaignKind kind) =>
        kind is CampaignKind.DemocraticEvaluation or CampaignKind.MemberReview ? ComponentWeights.DemocraticOnly : ComponentWeights.Default;

    /// <summary>
    /// Grades (EVA-6, EVA-7): at least one; names non-empty and unique; Min 0–100 in strictly descending order (a grade
    /// with the Min of the one above could never be reached); a quota a share 0–1, never on the last grade (there is no
    /// grade below to move down to); a divisor ≥ 1; a bonus coefficient 0–10. Names are trimmed in the result.
    /// </summary>
    public static (IReadOnlyList<GradeRule> Grades, IReadOnlyList<FieldProblem> Problems) CheckGrades(IReadOnlyList<GradeRule?> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var problems = new List<FieldProblem>();
        if (grades.Count == 0)
        {
            return ([], [new("grades", "Evaluation.NoGrades")]);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<GradeRule>();
        for (var i = 0; i < grades.Count; i++)
        {
            var g = grades[i];
            var at = $"grades[{i}]";
            var name = g?.Name?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                problems.Add(new($"{at}.name", "Input.Required", "Field.Evaluation.GradeName"));
            }
            else if (name.Length > MaxGradeNameLength)
            {
                problems.Add(new($"{at}.name", "Input.TooLong", "Field.Evaluation.GradeName", MaxGradeNameLength));
            }

            if (name.Length > 0 && !names.Add(name))
            {
                problems.Add(new($"{at}.name", "Evaluation.Duplicate", "Field.Evaluation.GradeName", name));
            }

            if (g is null)
            {
                continue;
            }

            if (g.Min is < 0 or > 100)
            {
                problems.Add(new($"{at}.min", "Input.OutOfRange", "Field.Evaluation.GradeMin", 0, 100));
            }
            else if (i > 0 && grades[i - 1] is { } above && g.Min >= above.Min)
            {
                problems.Add(new($"{at}.min", "Evaluation.GradesOrder"));
            }

            if (g.Quota is { } q && (q < 0 || q > 1))
            {
                problems.Add(new($"{at}.quota", "Input.OutOfRange", "Field.Evaluation.GradeQuota", 0, 1));
            }
            else if (g.Quota is not null && i == grades.Count - 1)
            {
                problems.Add(new($"{at}.quota", "Evaluation.LastGradeQuota"));
            }

            if (g.QuotaDivisor < 1)
            {
                problems.Add(new($"{at}.quotaDivisor", "Input.OutOfRange", "Field.Evaluation.GradeQuota", 1, 100));
            }

            if (g.BonusCoefficient is { } b && (b < 0 || b > 10))
            {
                problems.Add(new($"{at}.bonusCoefficient", "Input.OutOfRange", "Field.Evaluation.GradeBonus", 0, 10));
            }

            result.Add(g with { Name = name });
        }

        return (result, problems);
    }

    /// <summary>The three components' weights (EVA-6): none negative, summing to 1 within <see cref="EvaluationWeights.Tolerance"/>.</summary>
    public static IReadOnlyList<FieldProblem> CheckComponents(ComponentWeights c)
    {
        ArgumentNullException.ThrowIfNull(c);
        decimal[] all = [c.Achievement, c.Democratic, c.Inspection];
        if (all.Any(w => w < 0))
        {
            return [new("components", "Input.OutOfRange", "Field.Evaluation.Components", 0, 1)];
        }

        return EvaluationWeights.SumToOne(all) ? [] : [new("components", "Evaluation.WeightsSum", "Field.Evaluation.Components", all.Sum())];
    }

    /// <summary>The veto grade (EVA-2) is one of the grades.</summary>
    public static IReadOnlyList<FieldProblem> CheckVetoGrade(string vetoGrade, IReadOnlyList<GradeRule> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        return grades.Count > 0 && !grades.Any(g => g.Name == vetoGrade) ? [new("vetoGrade", "Evaluation.VetoGradeUnknown", vetoGrade)] : [];
    }

    /// <summary>
    /// Whether a campaign can be announced or opened (EVA-3): it has subjects, it has groups, and the groups' weights sum
    /// to 1 within <see cref="EvaluationWeights.Tolerance"/>.
    /// </summary>
    public static IReadOnlyList<FieldProblem> CheckReady(int subjects, IReadOnlyList<decimal> groupWeights)
    {
        ArgumentNullException.ThrowIfNull(groupWeights);
        var problems = new List<FieldProblem>();
        if (subjects == 0)
        {
            problems.Add(new("subjects", "Evaluation.NoSubjects"));
        }

        if (groupWeights.Count == 0)
        {
            problems.Add(new("groups", "Evaluation.NoGroups"));
        }
        else if (!EvaluationWeights.SumToOne(groupWeights))
        {
            problems.Add(new("groups.weight", "Evaluation.WeightsSum", "Field.Evaluation.GroupWeight", groupWeights.Sum()));
        }

        return problems;
    }
}
