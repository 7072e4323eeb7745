using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>The committee's year-end grade of a commitment (seed 001 第五篇 四、评: 评议结果分为"好、较好、一般、差"4个等次).</summary>
public enum CommitmentGrade
{
    /// <summary>好.</summary>
    Good,

    /// <summary>较好.</summary>
    FairlyGood,

    /// <summary>一般.</summary>
    Average,

    /// <summary>差.</summary>
    Poor,
}

/// <summary>What an evaluation round decides for an item.</summary>
public enum CommitmentOutcome
{
    /// <summary>Neither closed nor in rectification: stays open, shown as such.</summary>
    Open,

    /// <summary>整改: a deadline and measures, then evaluated again.</summary>
    Rectification,

    /// <summary>销号.</summary>
    Closed,
}

/// <summary>
/// The counts of a mass satisfaction vote on one item (群众满意度测评, SRV-3: 满意 / 基本满意 / 不满意). Counts only: the
/// votes themselves are secret ballots of the satisfaction mechanism.
/// </summary>
public readonly record struct SatisfactionTally(int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    /// <summary>The most votes one tally may hold (far above any organization's masses).</summary>
    public const int MaxVotes = 1_000_000;

    /// <summary>The votes cast.</summary>
    public int Cast => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>Refuses a negative count or an implausible total, naming the field.</summary>
    public void Demand()
    {
        Check(Satisfied, "satisfied", "Field.Commitment.Satisfied");
        Check(BasicallySatisfied, "basicallySatisfied", "Field.Commitment.BasicallySatisfied");
        Check(Dissatisfied, "dissatisfied", "Field.Commitment.Dissatisfied");
        if ((long)Satisfied + BasicallySatisfied + Dissatisfied > MaxVotes)
        {
            throw new DomainRuleException("Input.OutOfRange", "satisfied", "Field.Commitment.Satisfied", 0, MaxVotes);
        }
    }

    private static void Check(int count, string field, string label)
    {
        if (count is < 0 or > MaxVotes)
        {
            throw new DomainRuleException("Input.OutOfRange", field, label, 0, MaxVotes);
        }
    }
}

/// <summary>
/// 销号 or 整改 (CMT-6), pure. Seed 001 第五篇 四、评: 对考核评价"好"，大多数群众满意的，方可销号；对考核评价"差"，多数群众不满意的，
/// 责令限期整改，直至群众满意. The seed joins 差 and 多数不满意 with a comma; the system reads it as either one (graded 差,
/// or more than the rectification share of the votes 不满意), so an item the masses reject is never left merely open.
/// Shares are compared in integers (<see cref="Meetings.Share"/>): 2 of 3 meets two thirds exactly.
/// </summary>
public static class CommitmentClosure
{
    /// <summary>
    /// Rectification when graded 差 or 不满意 exceeds the rectification share of the votes cast; else 销号 when graded 好 and
    /// 满意 is at least the closure share of the votes cast (no votes cast never closes: nobody said they were satisfied);
    /// else open. Rectification is checked first, so rule data whose shares overlap can never close what the masses rejected.
    /// </summary>
    public static CommitmentOutcome Decide(CommitmentGrade grade, SatisfactionTally tally, CommitmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!Enum.IsDefined(grade))
        {
            throw new DomainRuleException("Input.Invalid", "grade", "Field.Commitment.Grade");
        }

        tally.Demand();
        if (grade == CommitmentGrade.Poor || (tally.Cast > 0 && rules.Rectification.IsMet(tally.Dissatisfied, tally.Cast)))
        {
            return CommitmentOutcome.Rectification;
        }

        return grade == CommitmentGrade.Good && tally.Cast > 0 && rules.Closure.IsMet(tally.Satisfied, tally.Cast)
            ? CommitmentOutcome.Closed
            : CommitmentOutcome.Open;
    }

    /// <summary>
    /// What a round decides for an item now at <paramref name="status"/>: <see cref="Decide"/>, except that an item in
    /// rectification stays there until it qualifies for 销号 (责令限期整改，直至群众满意).
    /// </summary>
    public static CommitmentOutcome DecideFor(CommitmentStatus status, CommitmentGrade grade, SatisfactionTally tally, CommitmentRules rules)
    {
        var outcome = Decide(grade, tally, rules);
        return outcome == CommitmentOutcome.Open && status == CommitmentStatus.Rectifying ? CommitmentOutcome.Rectification : outcome;
    }
}
