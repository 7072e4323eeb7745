using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Surveys;

namespace Dangjian.Domain.Tests.Surveys;

/// <summary>A survey's opening and closing (SRV-1), and a talk's record (ELE-2): their own status changes.</summary>
public sealed class SurveyTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static Survey Draft(DateTimeOffset? closesAt, int questions = 1, SurveyAccess access = SurveyAccess.OpenLink)
    {
        var s = new Survey { Title = "满意度", Access = access, ClosesAt = closesAt };
        for (var i = 0; i < questions; i++)
        {
            s.Questions.Add(new SurveyQuestion { Order = i + 1, Text = "评价" });
        }

        return s;
    }

    [Fact]
    public void Open_ClosingAhead_OpenWithTheLinksHash()
    {
        var s = Draft(Now.AddTicks(1));

        s.Open(Now, "hash");

        Assert.Equal((SurveyStatus.Open, "hash"), (s.Status, s.OpenTokenHash));
    }

    [Fact]
    public void Open_ClosingNow_RefusedAndStillDraft()
    {
        var s = Draft(Now);

        Assert.Equal("Survey.ClosingPassed", Assert.Throws<DomainRuleException>(() => s.Open(Now, "hash")).Code);
        Assert.Equal(SurveyStatus.Draft, s.Status);
    }

    [Fact]
    public void Open_NoQuestionAndClosingPassed_BothNamed() =>
        Assert.Equal(["questions", "closesAt"], Assert.Throws<DomainRuleException>(() => Draft(Now.AddDays(-1), questions: 0).Open(Now, null)).Problems.Select(p => p.Field));

    [Fact]
    public void Open_WithCodes_KeepsNoLink()
    {
        var s = Draft(null, access: SurveyAccess.AccessCodes);

        s.Open(Now, "hash");

        Assert.Null(s.OpenTokenHash);
    }

    [Fact]
    public void Open_AlreadyOpen_NotDraft()
    {
        var s = Draft(null);
        s.Open(Now, null);

        Assert.Equal("Survey.NotDraft", Assert.Throws<DomainRuleException>(() => s.Open(Now, null)).Code);
    }

    [Fact]
    public void Close_Open_ClosedOnce()
    {
        var s = Draft(null);
        s.Open(Now, null);

        Assert.True(s.Close(Now));
        Assert.False(s.Close(Now.AddDays(1)));
        Assert.Equal(SurveyStatus.Closed, s.Status);
    }

    [Fact]
    public void TalkRecord_HeldWithoutDay_Refused() =>
        Assert.Equal("talkedOn", Assert.Throws<DomainRuleException>(() => new TalkTarget().Record(TalkStatus.Talked, null, null)).Field);

    [Fact]
    public void TalkRecord_BackToNotYet_DayCleared()
    {
        var t = new TalkTarget();
        t.Record(TalkStatus.Phoned, new DateOnly(2026, 11, 2), "电话");

        t.Record(TalkStatus.NotYet, new DateOnly(2026, 11, 2), null);

        Assert.Equal((TalkStatus.NotYet, (DateOnly?)null, (string?)null), (t.Status, t.TalkedOn, t.Note));
    }
}
