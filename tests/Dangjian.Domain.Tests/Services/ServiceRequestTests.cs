using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Services;

namespace Dangjian.Domain.Tests.Services;

/// <summary>
/// 三服务 service requests (ORG-8): each transition and each refusal, and the take-up and answer limits on each side of
/// their last day, counted on a holiday calendar with a holiday on a Wednesday and a make-up workday on a Saturday.
/// </summary>
public sealed class ServiceRequestTests
{
    // March 2026: Mon 2 raised; Wed 4 a holiday; Sat 7 a make-up workday.
    private static readonly HolidayCalendar Calendar = new([2026], [new DateOnly(2026, 3, 4)], [new DateOnly(2026, 3, 7)]);
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static ServiceRequest Raised(DateOnly? on = null) =>
        ServiceRequest.Raise(12, 4, ServiceKind.Funds, "活动阵地修缮经费", "支部活动室屋顶漏雨，需经费修缮。", on ?? Monday, on ?? Monday, Calendar, ServiceLimits.Defaults, "书记", At);

    private static ServiceRequest Answered()
    {
        var r = Raised();
        r.TakeUp("镇组织委员", At, Monday.AddDays(1));
        r.AnswerWith("已安排专项经费两万元。", "镇组织委员", At, Monday.AddDays(3));
        return r;
    }

    [Fact]
    public void Raise_ToTheParent_StartsRaised_WithTheLimitsCountedInWorkingDays()
    {
        var r = Raised();

        Assert.Equal((12, 4, ServiceRequestStatus.Raised), (r.OrganizationId, r.ToOrganizationId, r.Status));
        // Tue 3 (1), Wed 4 holiday, Thu 5 (2), Fri 6 (3).
        Assert.Equal(new DateOnly(2026, 3, 6), r.TakeUpDue);
        // … Sat 7 make-up (4), Mon 9 (5) … Fri 13 (9), Mon 16 (10).
        Assert.Equal(new DateOnly(2026, 3, 16), r.AnswerDue);
    }

    [Fact]
    public void Raise_ByTheDistrictCommittee_WithNoLevelAbove_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            ServiceRequest.Raise(1, null, ServiceKind.Guidance, "标题", "内容", Monday, Monday, Calendar, ServiceLimits.Defaults, "管理员", At));
        Assert.Equal(("ServiceRequest.NoLevelAbove", "organizationId"), (e.Code, e.Field));
    }

    [Fact]
    public void Raise_OnADayAfterToday_Refused_TodayAccepted()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            ServiceRequest.Raise(12, 4, ServiceKind.People, "标题", "内容", Monday.AddDays(1), Monday, Calendar, ServiceLimits.Defaults, "书记", At));
        Assert.Equal(("ServiceRequest.InFuture", "raisedOn"), (e.Code, e.Field));
        Assert.Equal(Monday, ServiceRequest.Raise(12, 4, ServiceKind.People, "标题", "内容", Monday, Monday, Calendar, ServiceLimits.Defaults, "书记", At).RaisedOn);
    }

    [Fact]
    public void Raise_WithoutTitleOrDetails_RefusedNamingBoth()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            ServiceRequest.Raise(12, 4, ServiceKind.Material, " ", null, Monday, Monday, Calendar, ServiceLimits.Defaults, "书记", At));
        Assert.Equal(["title", "details"], e.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void TakeUpOverdue_OnTheLastDay_No_TheDayAfter_Yes(int day, bool overdue)
    {
        var r = Raised();
        Assert.Equal(overdue, r.TakeUpOverdue(new DateOnly(2026, 3, day)));
        Assert.Equal(overdue, r.IsOverdue(new DateOnly(2026, 3, day)));
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(17, true)]
    public void AnswerOverdue_TakenUpButNotAnswered_OnTheLastDay_No_TheDayAfter_Yes(int day, bool overdue)
    {
        var r = Raised();
        r.TakeUp("镇组织委员", At, Monday.AddDays(1));
        Assert.False(r.TakeUpOverdue(new DateOnly(2026, 3, day)));
        Assert.Equal(overdue, r.IsOverdue(new DateOnly(2026, 3, day)));
    }

    [Fact]
    public void IsOverdue_AnsweredOrClosedOrWithdrawn_Never()
    {
        var late = new DateOnly(2026, 12, 1);
        var answered = Answered();
        Assert.False(answered.IsOverdue(late));
        answered.Close("镇组织委员", At, Monday.AddDays(4));
        Assert.False(answered.IsOverdue(late));
        var withdrawn = Raised();
        withdrawn.Withdraw(null, "书记", At, Monday);
        Assert.False(withdrawn.IsOverdue(late));
    }

    [Fact]
    public void Due_InAYearTheCalendarLacks_CountsMondayToFriday()
    {
        // Thu 31 Dec 2026 → Fri 1 Jan 2027 (1), Mon 4 (2), Tue 5 (3): 2027 is not in this calendar.
        Assert.Equal(new DateOnly(2027, 1, 5), ServiceDays.Due(Calendar, new DateOnly(2026, 12, 31), 3));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 4)]
    [InlineData(8, 4)]
    public void ResponseWorkingDays_CountsWorkingDaysAfterTheRaising(int takenUpOn, int expected)
    {
        var r = Raised();
        r.TakeUp("镇组织委员", At, new DateOnly(2026, 3, takenUpOn));
        Assert.Equal(expected, r.ResponseWorkingDays(Calendar));
        Assert.Null(r.ClosingWorkingDays(Calendar));
    }

    [Fact]
    public void Withdraw_WhileRaised_IsFinal_WithTheReason()
    {
        var r = Raised();
        r.Withdraw("已自行解决", "书记", At, Monday);
        Assert.Equal((ServiceRequestStatus.Withdrawn, "已自行解决", Monday), (r.Status, r.WithdrawReason, r.WithdrawnOn));
        Assert.Equal("ServiceRequest.NotRaised", Assert.Throws<DomainRuleException>(() => r.TakeUp("镇", At, Monday)).Code);
    }

    [Fact]
    public void Withdraw_AfterTakenUp_Refused_AndNothingChanges()
    {
        var r = Raised();
        r.TakeUp("镇组织委员", At, Monday);
        var e = Assert.Throws<DomainRuleException>(() => r.Withdraw(null, "书记", At, Monday));
        Assert.Equal(("ServiceRequest.NotRaised", "status"), (e.Code, e.Field));
        Assert.Equal((ServiceRequestStatus.TakenUp, (DateOnly?)null), (r.Status, r.WithdrawnOn));
    }

    [Fact]
    public void TakeUp_Twice_Refused_AnswerBeforeTakeUp_Refused()
    {
        var r = Raised();
        Assert.Equal("ServiceRequest.NotTakenUp", Assert.Throws<DomainRuleException>(() => r.AnswerWith("答复", "镇", At, Monday)).Code);
        Assert.Null(r.Answer);
        r.TakeUp("镇组织委员", At, Monday);
        Assert.Equal("ServiceRequest.NotRaised", Assert.Throws<DomainRuleException>(() => r.TakeUp("镇", At, Monday)).Code);
        Assert.Equal(("镇组织委员", Monday), (r.TakenUpBy, r.TakenUpOn));
    }

    [Fact]
    public void TakeUp_OnADayBeforeTheRaising_Refused()
    {
        var r = Raised();
        Assert.Equal("ServiceRequest.BeforePrevious", Assert.Throws<DomainRuleException>(() => r.TakeUp("镇", At, Monday.AddDays(-1))).Code);
        Assert.Equal(ServiceRequestStatus.Raised, r.Status);
    }

    [Fact]
    public void Answer_Blank_Refused_ThenAnswered_ThenClosed()
    {
        var r = Raised();
        r.TakeUp("镇组织委员", At, Monday);
        var e = Assert.Throws<DomainRuleException>(() => r.AnswerWith("  ", "镇", At, Monday));
        Assert.Equal(("Input.Required", "answer"), (e.Code, e.Field));
        Assert.Equal(ServiceRequestStatus.TakenUp, r.Status);

        r.AnswerWith("已安排", "镇组织委员", At, Monday.AddDays(1));
        Assert.Equal((ServiceRequestStatus.Answered, "已安排"), (r.Status, r.Answer));
        r.Close("镇组织委员", At, Monday.AddDays(3));
        Assert.Equal((ServiceRequestStatus.Closed, 2), (r.Status, r.ClosingWorkingDays(Calendar)));
    }

    [Fact]
    public void Close_BeforeAnswered_Refused()
    {
        var r = Raised();
        r.TakeUp("镇组织委员", At, Monday);
        Assert.Equal("ServiceRequest.NotAnswered", Assert.Throws<DomainRuleException>(() => r.Close("镇", At, Monday)).Code);
        Assert.Equal(ServiceRequestStatus.TakenUp, r.Status);
    }

    [Fact]
    public void Reopen_WithAReason_Once_BackToTheLevelAbove_WithANewAnswerLimit()
    {
        var r = Answered();
        var e = Assert.Throws<DomainRuleException>(() => r.Reopen(" ", "书记", At, Monday.AddDays(4), Calendar, ServiceLimits.Defaults));
        Assert.Equal(("Input.Required", "reason"), (e.Code, e.Field));
        Assert.Equal(ServiceRequestStatus.Answered, r.Status);

        r.Reopen("经费不足以完成修缮", "书记", At, new DateOnly(2026, 3, 9), Calendar, ServiceLimits.Defaults);
        Assert.Equal((ServiceRequestStatus.TakenUp, "已安排专项经费两万元。", (string?)null), (r.Status, r.FirstAnswer, r.Answer));
        // Ten working days after Mon 9 March: Tue 10 … Mon 23.
        Assert.Equal(new DateOnly(2026, 3, 23), r.AnswerDue);

        r.AnswerWith("追加经费一万元。", "镇组织委员", At, new DateOnly(2026, 3, 10));
        var again = Assert.Throws<DomainRuleException>(() => r.Reopen("仍不满意", "书记", At, new DateOnly(2026, 3, 11), Calendar, ServiceLimits.Defaults));
        Assert.Equal("ServiceRequest.ReopenedBefore", again.Code);
        Assert.Equal(ServiceRequestStatus.Answered, r.Status);
    }

    [Fact]
    public void Reopen_AfterClosed_Refused()
    {
        var r = Answered();
        r.Close("镇组织委员", At, Monday.AddDays(4));
        Assert.Equal("ServiceRequest.NotAnswered", Assert.Throws<DomainRuleException>(() => r.Reopen("不满意", "书记", At, Monday.AddDays(4), Calendar, ServiceLimits.Defaults)).Code);
        Assert.Equal(ServiceRequestStatus.Closed, r.Status);
    }

    [Fact]
    public void MedianAndAverage_OddEvenAndNone()
    {
        Assert.Equal(2, ServiceDays.Median([3, 1, 2]));
        Assert.Equal(2.5, ServiceDays.Median([4, 1, 2, 3]));
        Assert.Null(ServiceDays.Median([]));
        Assert.Equal(2.3, ServiceDays.Average([1, 2, 4]));
        Assert.Null(ServiceDays.Average([]));
    }
}
