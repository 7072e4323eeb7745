using Dangjian.Domain.Commitments;

namespace Dangjian.Domain.Awards;

/// <summary>
/// What the system knows of a nominee for the selection's year, gathered by the Web query from the other modules:
/// the evaluation grades of the year (annual assessment, 民主评议党员), the mass satisfaction votes and grades of the nominee's
/// commitments graded that year, the rectification notices against them still open, and (for a person) whether they are a
/// probationary member, when that is known.
/// </summary>
public sealed record NomineeFacts(
    AwardCategory Category,
    IReadOnlyList<string> Grades,
    IReadOnlyList<SatisfactionTally> Votes,
    IReadOnlyList<CommitmentGrade> CommitmentGrades,
    int OpenNotices,
    bool? IsProbationary);

/// <summary>One reason a nominee is refused: a RuleText code and its arguments (shown in words on the page).</summary>
public sealed record AwardRefusal(string Code, IReadOnlyList<string> Arguments)
{
    public override string ToString() => Arguments.Count == 0 ? Code : $"{Code}({string.Join(", ", Arguments)})";
}

/// <summary>
/// Award eligibility (EVA-11), pure: every reason <see cref="AwardRules"/> gives to refuse a nominee, or none. The rules and
/// their sources are on <see cref="AwardRules"/>.
/// </summary>
public static class AwardEligibility
{
    public const string GradeBelowMinimum = "Award.Refused.GradeBelowMinimum";
    public const string MassCriticism = "Award.Refused.MassCriticism";
    public const string CommitmentGraded = "Award.Refused.CommitmentGraded";
    public const string OpenNotice = "Award.Refused.OpenNotice";
    public const string Probationary = "Award.Refused.Probationary";

    public static IReadOnlyList<AwardRefusal> Check(NomineeFacts facts, AwardRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        var refusals = new List<AwardRefusal>();
        foreach (var grade in facts.Grades.Distinct(StringComparer.Ordinal))
        {
            if (rules.GradeFloors.FirstOrDefault(f => f.IsBelow(grade)) is { } floor)
            {
                refusals.Add(new(GradeBelowMinimum, [grade, floor.Minimum]));
            }
        }

        if (facts.Votes.FirstOrDefault(v => v.Cast > 0 && rules.MassCriticismShare.IsMet(v.Dissatisfied, v.Cast)) is { Cast: > 0 } poor)
        {
            refusals.Add(new(MassCriticism, [poor.Dissatisfied.ToString(System.Globalization.CultureInfo.InvariantCulture), poor.Cast.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        foreach (var grade in facts.CommitmentGrades.Distinct().Where(rules.RefusedCommitmentGrades.Contains))
        {
            refusals.Add(new(CommitmentGraded, ["CommitmentGrade." + grade]));
        }

        if (rules.RefuseOpenNotices && facts.OpenNotices > 0)
        {
            refusals.Add(new(OpenNotice, [facts.OpenNotices.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (rules.RefuseProbationary && facts.Category != AwardCategory.AdvancedOrganization && facts.IsProbationary == true)
        {
            refusals.Add(new(Probationary, []));
        }

        return refusals;
    }
}
