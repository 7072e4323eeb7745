using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Commitments.CommitmentFixture;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>履诺监督员 (CMT-5): assignment, the end of a term, and which items a supervisor may comment on, on which day.</summary>
public sealed class CommitmentSupervisorTests
{
    private const string Township = "/1/5/";
    private const string Branch = "/1/5/12/";
    private const string SiblingBranch = "/1/5/13/";
    private const string OtherTownship = "/1/6/";

    private static CommitmentSupervisor Serving(DateOnly? assigned = null) =>
        CommitmentSupervisor.Assign(5, null, " 周德厚 ", SupervisorKind.RetiredCadre, assigned ?? Today.AddDays(-30));

    [Fact]
    public void Assign_NamedOfAKind_Trimmed()
    {
        var s = CommitmentSupervisor.Assign(5, 44, " 周德厚 ", SupervisorKind.ResidentRepresentative, Today);

        Assert.Equal((5, 44, "周德厚", SupervisorKind.ResidentRepresentative, Today, (DateOnly?)null), (s.OrganizationId, s.PersonId, s.Name, s.Kind, s.AssignedOn, s.EndedOn));
    }

    [Theory]
    [InlineData(" ", SupervisorKind.RetiredCadre, true, "name")]
    [InlineData("周德厚", null, true, "kind")]
    [InlineData("周德厚", (SupervisorKind)99, true, "kind")]
    [InlineData("周德厚", SupervisorKind.RetiredCadre, false, "assignedOn")]
    public void Assign_MissingOrUnknown_RefusedNamingTheField(string name, SupervisorKind? kind, bool withDay, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => CommitmentSupervisor.Assign(5, null, name, kind, withDay ? Today : null));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Assign_NameAtTheLimit_Accepted_OneOver_Refused()
    {
        Assert.Equal(CommitmentSupervisor.MaxNameLength, CommitmentSupervisor.Assign(5, null, new string('周', CommitmentSupervisor.MaxNameLength), SupervisorKind.RetiredCadre, Today).Name.Length);
        Assert.Equal("Input.TooLong", Assert.Throws<DomainRuleException>(() =>
            CommitmentSupervisor.Assign(5, null, new string('周', CommitmentSupervisor.MaxNameLength + 1), SupervisorKind.RetiredCadre, Today)).Code);
    }

    [Fact]
    public void End_OnTheDayAssigned_Accepted_DayBefore_Refused()
    {
        var early = Serving(Today);
        Assert.Equal("Commitment.SupervisorEndBeforeStart", Assert.Throws<DomainRuleException>(() => early.End(Today.AddDays(-1))).Code);
        Assert.Null(early.EndedOn);

        early.End(Today);
        Assert.Equal(Today, early.EndedOn);
    }

    [Fact]
    public void End_Twice_Refused_FirstEndKept()
    {
        var s = Serving();
        s.End(Today);

        Assert.Equal("Commitment.SupervisorEnded", Assert.Throws<DomainRuleException>(() => s.End(Today.AddDays(3))).Code);
        Assert.Equal(Today, s.EndedOn);
    }

    [Fact]
    public void MayCommentOn_AssignedToday_Yes_AssignedTomorrow_No()
    {
        Assert.True(Serving(Today).MayCommentOn(Township, Branch, Today));
        Assert.False(Serving(Today.AddDays(1)).MayCommentOn(Township, Branch, Today));
    }

    [Fact]
    public void MayCommentOn_EndedToday_No_EndingTomorrow_Yes()
    {
        var endedToday = Serving();
        endedToday.End(Today);
        var endingTomorrow = Serving();
        endingTomorrow.End(Today.AddDays(1));

        Assert.False(endedToday.MayCommentOn(Township, Branch, Today));
        Assert.True(endingTomorrow.MayCommentOn(Township, Branch, Today));
    }

    [Fact]
    public void MayCommentOn_OwnOrganizationOrBelow_Yes_SiblingOrAbove_No()
    {
        var s = Serving();

        Assert.True(s.MayCommentOn(Township, Township, Today));
        Assert.True(s.MayCommentOn(Township, Branch, Today));
        Assert.True(s.MayCommentOn(Branch, Branch, Today));
        Assert.False(s.MayCommentOn(Branch, SiblingBranch, Today));
        Assert.False(s.MayCommentOn(Branch, Township, Today));
        Assert.False(s.MayCommentOn(Township, OtherTownship, Today));
    }
}
