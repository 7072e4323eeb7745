using Dangjian.Domain.Commitments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>The 销号 rule's invariants over any grade and tally, with the default rule data.</summary>
public sealed class CommitmentClosureProperties
{
    // Small counts often, so that no votes at all and the exact lines (2 of 3, 2 of 4) come up in every run.
    private static readonly Gen<int> Count = Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 3), Gen.Choose(0, 60));

    private static Arbitrary<(CommitmentGrade Grade, SatisfactionTally Tally)> Cases() =>
        (from grade in Gen.Elements(Enum.GetValues<CommitmentGrade>())
         from s in Count
         from b in Count
         from d in Count
         select (grade, new SatisfactionTally(s, b, d))).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Decide_Closed_OnlyWhenGoodAndAtLeastTwoThirdsOfVotesCastSatisfied() =>
        Prop.ForAll(Cases(), c =>
            CommitmentClosure.Decide(c.Grade, c.Tally, CommitmentRules.Default) != CommitmentOutcome.Closed
            || (c.Grade == CommitmentGrade.Good && c.Tally.Cast > 0 && 3 * c.Tally.Satisfied >= 2 * c.Tally.Cast));

    [Property(MaxTest = 2000)]
    public Property Decide_Rectification_ExactlyWhenPoorOrMoreThanHalfDissatisfied() =>
        Prop.ForAll(Cases(), c =>
            (CommitmentClosure.Decide(c.Grade, c.Tally, CommitmentRules.Default) == CommitmentOutcome.Rectification)
            == (c.Grade == CommitmentGrade.Poor || 2 * c.Tally.Dissatisfied > c.Tally.Cast));

    [Property(MaxTest = 2000)]
    public Property Decide_OneMoreSatisfiedVote_NeverTurnsClosedIntoSomethingElse() =>
        Prop.ForAll(Cases(), c =>
            CommitmentClosure.Decide(c.Grade, c.Tally, CommitmentRules.Default) != CommitmentOutcome.Closed
            || CommitmentClosure.Decide(c.Grade, c.Tally with { Satisfied = c.Tally.Satisfied + 1 }, CommitmentRules.Default) == CommitmentOutcome.Closed);
}
