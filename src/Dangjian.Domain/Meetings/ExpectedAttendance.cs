using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>
/// 应到会人数 of a meeting against the roll it is drawn from: the members entitled to attend are members with a vote
/// (党章第七条: 预备党员没有表决权), so a meeting can never expect more of them than the organization's roll of full
/// members holds. What it takes to sit is the existing quorum rule (<see cref="DecisionRules"/>: 应到会成员超过半数到会,
/// 干部任免三分之二以上), counted on the number expected.
/// </summary>
public sealed record ExpectedAttendance(int Entitled, int Roll)
{
    /// <summary>Why the expected number is refused (naming <paramref name="field"/>), or nothing when it fits the roll.</summary>
    public static IReadOnlyList<FieldProblem> Check(int entitled, int roll, string field = "participants") =>
        entitled > roll ? [new(field, "Meeting.EntitledOverRoll", entitled, roll)] : [];

    /// <summary>How many of those expected must be present for an item of the category to be decided.</summary>
    public int QuorumFor(ItemCategory category, DecisionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.QuorumFor(category).Attendance.SmallestPart(Entitled);
    }
}
