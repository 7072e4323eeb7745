using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Commitments.CommitmentFixture;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>履 (CMT-4, CMT-5): progress records, supervisors' comments and the lagging flag, overdue and due-soon boundaries.</summary>
public sealed class CommitmentFulfilmentTests
{
    private static FulfilmentRecord Progress(DateOnly? date = null, params int[] files) => new()
    {
        Date = date ?? Today,
        Steps = " 走访三户困难群众 ",
        ResponsibleUnit = "社区党支部",
        ResponsiblePerson = "张伟",
        Result = "解决用水问题",
        EvidenceFileIds = [.. files],
    };

    private static SupervisorComment Comment(bool lagging, string text = "进度偏慢") =>
        new() { SupervisorId = 3, SupervisorName = "李老", Text = text, Lagging = lagging };

    [Fact]
    public void RecordProgress_ApprovedItem_AppendedTrimmed_WithEvidenceOnce()
    {
        var (_, item) = Approved();

        item.RecordProgress(Progress(null, 4, 4, 9), "clerk", Today, Now);

        var p = Assert.Single(item.Progress);
        Assert.Equal(("走访三户困难群众", item.Id, "clerk", Now), (p.Steps, p.CommitmentId, p.RecordedBy, p.RecordedAt));
        Assert.Equal([4, 9], p.EvidenceFileIds);
    }

    [Fact]
    public void RecordProgress_Tomorrow_Refused_Today_Accepted()
    {
        var (_, item) = Approved();

        Assert.Equal("Commitment.ProgressInFuture", Assert.Throws<DomainRuleException>(() => item.RecordProgress(Progress(Today.AddDays(1)), "c", Today, Now)).Code);
        Assert.Empty(item.Progress);
        item.RecordProgress(Progress(Today), "c", Today, Now);
        Assert.Single(item.Progress);
    }

    [Fact]
    public void RecordProgress_NotYetApprovedOrClosed_Refused()
    {
        var (_, awaiting) = Submitted();
        Assert.Equal("Commitment.NotInFulfilment", Assert.Throws<DomainRuleException>(() => awaiting.RecordProgress(Progress(), "c", Today, Now)).Code);

        var (_, closed) = Approved();
        closed.Status = CommitmentStatus.Closed;
        Assert.Equal("Commitment.NotInFulfilment", Assert.Throws<DomainRuleException>(() => closed.RecordProgress(Progress(), "c", Today, Now)).Code);
    }

    [Theory]
    [InlineData("steps")]
    [InlineData("responsiblePerson")]
    public void RecordProgress_RequiredMissing_RefusedNamingTheField(string field)
    {
        var (_, item) = Approved();
        var record = Progress();
        if (field == "steps")
        {
            record.Steps = " ";
        }
        else
        {
            record.ResponsiblePerson = "";
        }

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => item.RecordProgress(record, "c", Today, Now)).Field);
        Assert.Empty(item.Progress);
    }

    [Fact]
    public void RecordProgress_EvidenceFiles_TwentyAccepted_TwentyOneOrNonPositiveRefused()
    {
        var (_, item) = Approved();

        Assert.Equal("evidenceFileIds", Assert.Throws<DomainRuleException>(() => item.RecordProgress(Progress(null, [.. Enumerable.Range(1, 21)]), "c", Today, Now)).Field);
        Assert.Equal("evidenceFileIds", Assert.Throws<DomainRuleException>(() => item.RecordProgress(Progress(null, 0), "c", Today, Now)).Field);
        item.RecordProgress(Progress(null, [.. Enumerable.Range(1, 20)]), "c", Today, Now);
        Assert.Equal(20, item.Progress[0].EvidenceFileIds.Count);
    }

    [Fact]
    public void IsLagging_FlaggedThenLaterProgress_Cleared_UnflaggedCommentDoesNotClear()
    {
        var (_, item) = Approved();
        Assert.False(item.IsLagging);

        item.AddSupervisorComment(Comment(lagging: true), Now);
        Assert.True(item.IsLagging);
        item.AddSupervisorComment(Comment(lagging: false, "已督促"), Now.AddMinutes(5));
        Assert.True(item.IsLagging);
        item.RecordProgress(Progress(), "c", Today, Now);
        Assert.True(item.IsLagging); // entered at the flag's own instant: not later
        item.RecordProgress(Progress(), "c", Today, Now.AddMinutes(1));
        Assert.False(item.IsLagging);
        item.AddSupervisorComment(Comment(lagging: true), Now.AddMinutes(2));
        Assert.True(item.IsLagging);
    }

    [Fact]
    public void AddSupervisorComment_WithoutText_Refused_OnAwaitingItem_Refused()
    {
        var (_, item) = Approved();
        Assert.Equal("text", Assert.Throws<DomainRuleException>(() => item.AddSupervisorComment(Comment(true, " "), Now)).Field);
        Assert.Empty(item.SupervisorComments);

        var (_, awaiting) = Submitted();
        Assert.Equal("Commitment.NotInFulfilment", Assert.Throws<DomainRuleException>(() => awaiting.AddSupervisorComment(Comment(true), Now)).Code);
    }

    [Fact]
    public void IsOverdue_DeadlineItself_NotOverdue_DayAfter_Overdue()
    {
        var (_, item) = Approved();
        var deadline = item.Deadline;

        Assert.False(item.IsOverdue(deadline));
        Assert.True(item.IsOverdue(deadline.AddDays(1)));
    }

    [Theory]
    [InlineData(CommitmentStatus.Draft)]
    [InlineData(CommitmentStatus.AwaitingApproval)]
    [InlineData(CommitmentStatus.Rejected)]
    [InlineData(CommitmentStatus.Evaluated)]
    [InlineData(CommitmentStatus.Closed)]
    public void IsOverdue_NotBeingFulfilled_Never(CommitmentStatus status)
    {
        var (_, item) = Approved();
        item.Status = status;

        Assert.False(item.IsOverdue(item.Deadline.AddDays(100)));
        Assert.False(item.IsDueWithin(item.Deadline, 0));
    }

    [Fact]
    public void IsDueWithin_EachSideOfTheWindow()
    {
        var (_, item) = Approved();
        var deadline = item.Deadline;

        Assert.True(item.IsDueWithin(deadline.AddDays(-7), 7));
        Assert.False(item.IsDueWithin(deadline.AddDays(-8), 7));
        Assert.True(item.IsDueWithin(deadline, 0));
        Assert.False(item.IsDueWithin(deadline.AddDays(1), 7)); // overdue, no longer "due"
        Assert.Throws<ArgumentOutOfRangeException>(() => item.IsDueWithin(deadline, -1));
    }

    [Fact]
    public void Supervisor_ServesFromAssignedUntilTheDayBeforeItEnded()
    {
        var s = new CommitmentSupervisor { Name = "李老", Kind = SupervisorKind.RetiredCadre, AssignedOn = Today, EndedOn = Today.AddDays(10) };

        Assert.Equal([false, true, true, false], new[] { Today.AddDays(-1), Today, Today.AddDays(9), Today.AddDays(10) }.Select(s.ServesOn));
    }
}
