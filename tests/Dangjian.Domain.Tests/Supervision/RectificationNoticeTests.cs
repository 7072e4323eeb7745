using Dangjian.Domain.Supervision;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Supervision;

/// <summary>SUP-2: 预警/整改通知 — issue, response, verification, closure, and which notices are overdue on a day.</summary>
public sealed class RectificationNoticeTests
{
    private static readonly DateOnly Issued = D("2027-04-01");
    private static readonly DateOnly Deadline = D("2027-04-30");
    private static readonly DateOnly Today = D("2027-06-30");

    private static readonly Dictionary<RectificationNoticeStatus, Action<RectificationNotice>> Steps = new()
    {
        [RectificationNoticeStatus.Issued] = n => n.Respond("已召开专题会整改", Issued, Today),
        [RectificationNoticeStatus.Responded] = n => n.Verify(true, null, "组织部 李明", Issued, Today),
        [RectificationNoticeStatus.Verified] = n => n.Close("组织部 李明", Issued, Today),
    };

    public static TheoryData<RectificationNoticeStatus, RectificationNoticeStatus> EveryStatusAndStep() => StepKit.EveryStatusAndStep(Steps.Keys);

    private static RectificationNotice Notice(int id = 0, NoticeTargetKind kind = NoticeTargetKind.Cadre, int target = 7, string deadline = "2027-04-30", string issued = "2027-04-01")
    {
        var n = RectificationNotice.Issue(4, kind, target, "公车私用苗头", "群众反映及车辆记录", D(deadline), "组织部 李明", D(issued), Today);
        n.Id = id;
        return n;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public void Steps_OnlyTheNextOneIsTaken_EveryOtherIsRefused(RectificationNoticeStatus at, RectificationNoticeStatus stepFrom)
    {
        var n = StepKit.Walk(Notice(), Steps, x => x.Status, at);

        StepKit.OnlyTheNextStepIsTaken(n, Steps, x => x.Status, at, stepFrom, "RectificationNotice.OutOfOrder");
    }

    [Fact]
    public void IsOverdueOn_TheDeadlineDay_No_TheDayAfter_Yes()
    {
        var n = Notice();

        Assert.False(n.IsOverdueOn(Deadline));
        Assert.True(n.IsOverdueOn(Deadline.AddDays(1)));
    }

    [Fact]
    public void Overdue_TheListOnADay_LongestOverdueFirst_ExcludesAnsweredAndClosed()
    {
        var onTime = Notice(1, deadline: "2027-05-10");
        var late = Notice(2, deadline: "2027-05-09");
        var later = Notice(3, deadline: "2027-05-01");
        var answered = Notice(4, deadline: "2027-05-01");
        answered.Respond("已整改", D("2027-05-05"), Today);
        var closed = Notice(5, deadline: "2027-05-01");
        closed.Respond("已整改", D("2027-04-20"), Today);
        closed.Verify(true, null, "李明", D("2027-04-21"), Today);
        closed.Close("李明", D("2027-04-22"), Today);
        RectificationNotice[] all = [onTime, late, later, answered, closed];

        Assert.Equal([3, 2], RectificationNotices.Overdue(all, D("2027-05-10")).Select(n => n.Id));
        Assert.Equal([3], RectificationNotices.Overdue(all, D("2027-05-09")).Select(n => n.Id));
    }

    [Fact]
    public void Verify_ThatDoesNotHold_SendsItBack_WithANote_AndItIsOverdueAgain()
    {
        var n = Notice();
        n.Respond("已整改", D("2027-04-28"), Today);
        Assert.False(n.IsOverdueOn(D("2027-05-10")));
        Assert.Equal(("Input.Required", "note"), Pair(Refused(() => n.Verify(false, " ", "李明", D("2027-05-06"), Today))));

        n.Verify(false, "车辆使用登记未建立", "李明", D("2027-05-06"), Today);

        Assert.Equal((RectificationNoticeStatus.Issued, 1, "车辆使用登记未建立"), (n.Status, n.Returns, n.VerificationNote));
        Assert.True(n.IsOverdueOn(D("2027-05-10")));
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => n.Respond("补充", D("2027-05-05"), Today))));
        n.Respond("已建立登记制度", D("2027-05-06"), Today);
        Assert.Equal(RectificationNoticeStatus.Responded, n.Status);
    }

    [Fact]
    public void Steps_AreDatedBetweenThePreviousStepAndToday()
    {
        var n = Notice();
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => n.Respond("已整改", Issued.AddDays(-1), Today))));
        Assert.Equal(("Supervision.InFuture", "on"), Pair(Refused(() => n.Respond("已整改", Today.AddDays(1), Today))));
        n.Respond("已整改", D("2027-05-03"), Today);
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => n.Verify(true, null, "李明", D("2027-05-02"), Today))));
        n.Verify(true, null, "李明", D("2027-05-03"), Today);
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => n.Close("李明", D("2027-05-02"), Today))));
        n.Close("李明", Today, Today);

        Assert.Equal((RectificationNoticeStatus.Closed, Today, "李明"), (n.Status, n.ClosedOn!.Value, n.ClosedBy));
    }

    [Fact]
    public void Issue_ADeadlineOnTheIssueDay_Accepted_TheDayBefore_Refused()
    {
        Assert.Equal(Issued, Notice(deadline: "2027-04-01").Deadline);
        Assert.Equal(("RectificationNotice.DeadlineBeforeIssue", "deadline"), Pair(Refused(() => Notice(deadline: "2027-03-31"))));
    }

    [Fact]
    public void Issue_Today_Accepted_Tomorrow_Refused_AndEveryFieldNamed()
    {
        Assert.Equal(Today, Notice(deadline: "2027-07-31", issued: "2027-06-30").IssuedOn);
        Assert.Equal(("Supervision.InFuture", "issuedOn"), Pair(Refused(() => Notice(deadline: "2027-07-31", issued: "2027-07-01"))));
        Assert.Equal(("Input.Required", "problem"),
            Pair(Refused(() => RectificationNotice.Issue(4, NoticeTargetKind.Team, 2, " ", "x", Deadline, "李明", Issued, Today))));
        Assert.Equal(("Input.Required", "evidence"),
            Pair(Refused(() => RectificationNotice.Issue(4, NoticeTargetKind.Team, 2, "x", "", Deadline, "李明", Issued, Today))));
        Assert.Equal(("Input.Required", "targetId"),
            Pair(Refused(() => RectificationNotice.Issue(4, NoticeTargetKind.Team, 0, "x", "y", Deadline, "李明", Issued, Today))));
        Assert.Equal(("Input.Invalid", "targetKind"),
            Pair(Refused(() => RectificationNotice.Issue(4, (NoticeTargetKind)5, 2, "x", "y", Deadline, "李明", Issued, Today))));
        Assert.Equal(("Input.Required", "organizationId"),
            Pair(Refused(() => RectificationNotice.Issue(0, NoticeTargetKind.Team, 2, "x", "y", Deadline, "李明", Issued, Today))));
        Assert.Equal("deadline", Refused(() => Notice(deadline: "2200-01-01")).Field);
    }

    [Fact]
    public void OfCadre_TheCadresOwnNotices_NewestFirst_NotATeamsWithTheSameId()
    {
        RectificationNotice[] all =
        [
            Notice(1, NoticeTargetKind.Cadre, 7, issued: "2027-03-01"),
            Notice(2, NoticeTargetKind.Team, 7),
            Notice(3, NoticeTargetKind.Cadre, 8),
            Notice(4, NoticeTargetKind.Cadre, 7, issued: "2027-04-01"),
        ];

        Assert.Equal([4, 1], RectificationNotices.OfCadre(all, 7).Select(n => n.Id));
    }
}
