using Dangjian.Domain.Calendar;
using Dangjian.Domain.Cadres.Selection;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>The 写实 trace of a selection case (CAD-3): steps in order, never back-dated, corrected only by new entries.</summary>
public sealed class SelectionCaseTests
{
    [Fact]
    public void Open_RecordsTheCallAsTheFirstEntry_WhoAndWhen()
    {
        var c = Called(posts: 2);

        var call = Assert.Single(c.Trace);
        Assert.Equal((1, SelectionStep.Call, Clerk, Minute(0), "正科级，45 周岁以下，大学本科以上"), (call.Sequence, call.Step, call.By, call.At, call.Text));
        Assert.Equal((SelectionPhase.Called, 2, SelectionStep.MeetingRecommendation), (c.Phase, c.Posts, c.NextStep));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Open_PostsOutsideOneToTwenty_Refused(int posts) =>
        Assert.Equal(("Input.OutOfRange", "posts"), Pair(Refused(() => Called(posts))));

    [Fact]
    public void Steps_OutOfOrder_RefusedNamingTheStepAndTheOneDue_ChangingNothing()
    {
        var c = Called();

        var e = Refused(() => c.RecordDecision(55, [101], Clerk, Minute(1)));
        Assert.Equal(("Selection.StepOutOfOrder", "step"), Pair(e));
        Assert.Equal(["Selection.Step.Decision", "Selection.Step.MeetingRecommendation"], e.Arguments);

        e = Refused(() => c.Shortlist(TwoCandidates, Rules, Clerk, Minute(1)));
        Assert.Equal(["Selection.Step.Shortlist", "Selection.Step.MeetingRecommendation"], e.Arguments);
        Assert.Equal((1, SelectionPhase.Called, 0), (c.Trace.Count, c.Phase, c.Candidates.Count));
    }

    [Fact]
    public void Steps_AlreadyDone_RefusedAsOutOfOrder()
    {
        var c = Shortlisted();

        Assert.Equal(["Selection.Step.MeetingRecommendation", "Selection.Step.InspectionStarted"], Refused(() => c.LinkMeetingRecommendation(32, Clerk, Minute(9))).Arguments);
        Assert.Equal(["Selection.Step.TalkRecommendation", "Selection.Step.InspectionStarted"], Refused(() => c.RecordTalkRecommendation("赵敏", 102, "李强", Clerk, Minute(9))).Arguments);
    }

    [Fact]
    public void Appointment_BeforePublicity_Refused_AndPublicityBeforeTheDecision()
    {
        var c = Inspected();

        Assert.Equal(["Selection.Step.Appointment", "Selection.Step.Decision"], Refused(() => c.Appoint(D("2026-12-01"), Rules, Clerk, Minute(30))).Arguments);
        Assert.Equal(["Selection.Step.PublicityStarted", "Selection.Step.Decision"], Refused(() => c.StartPublicity(D("2026-09-28"), HolidayCalendar.Shipped, Rules, Clerk, Minute(30))).Arguments);
    }

    [Fact]
    public void TalkRecommendations_RecordedOneByOne_BeforeAndAfterTheMeeting_Tallied()
    {
        var c = Called();
        c.RecordTalkRecommendation("赵敏", 102, "李强", Clerk, Minute(1));
        c.LinkMeetingRecommendation(31, Clerk, Minute(2));
        c.RecordTalkRecommendation("孙丽", 101, "张伟", Clerk, Minute(3));
        c.RecordTalkRecommendation("钱进", 101, "张伟", Clerk, Minute(4));

        Assert.Equal([(101, "张伟", 2), (102, "李强", 1)], c.TalkTally());
        var talk = c.Trace[1];
        Assert.Equal((SelectionStep.TalkRecommendation, "赵敏", 102, "李强"), (talk.Step, talk.GivenBy, talk.PersonId, talk.PersonName));
        Assert.Equal((SelectionStep.MeetingRecommendation, 31), (c.Trace[2].Step, c.Trace[2].LinkedId));
    }

    [Fact]
    public void BackDated_Refused_TheSameInstantAccepted()
    {
        var c = Called();

        Assert.Equal(("Selection.BackDated", "at"), Pair(Refused(() => c.LinkMeetingRecommendation(31, Clerk, Minute(0).AddTicks(-1)))));
        Assert.Equal(SelectionPhase.Called, c.Phase);

        c.LinkMeetingRecommendation(31, Clerk, Minute(0));
        Assert.Equal(SelectionPhase.Recommended, c.Phase);
    }

    [Fact]
    public void Correction_IsANewEntryPointingAtTheOldOne_WhichStaysAsItWas()
    {
        var c = Shortlisted();

        var fix = c.Correct(3, "孙丽推荐张伟", "谈话记录人写错推荐人", "组织部李明", Minute(10));

        Assert.Equal((5, SelectionStep.Correction, 3, "谈话记录人写错推荐人"), (fix.Sequence, fix.Step, fix.Corrects, fix.Reason));
        Assert.Equal("赵敏", c.Trace[2].GivenBy);
        Assert.Equal("孙丽推荐张伟", c.CurrentText(3));
        Assert.Equal(SelectionPhase.Shortlisted, c.Phase);
    }

    [Fact]
    public void Correction_WithoutAReason_OrOfNoEntry_Refused()
    {
        var c = Called();

        Assert.Equal(("Input.Required", "reason"), Pair(Refused(() => c.Correct(1, "正科级", " ", Clerk, Minute(1)))));
        Assert.Equal(("Selection.NoSuchEntry", "corrects"), Pair(Refused(() => c.Correct(2, "正科级", "笔误", Clerk, Minute(1)))));
        Assert.Single(c.Trace);
    }

    [Fact]
    public void Stop_EndsTheCase_OnlyCorrectionsFollow()
    {
        var c = Shortlisted();
        c.Stop("职位调整，取消本次选任", Clerk, Minute(10));

        var e = Refused(() => c.StartInspection(TeamOfTwo, Certificates, D("2026-09-02"), Rules, Clerk, Minute(11)));
        Assert.Equal(("Selection.CaseStopped", "step"), Pair(e));
        Assert.Equal(("Selection.CaseStopped", "step"), Pair(Refused(() => c.Stop("再次", Clerk, Minute(11)))));
        Assert.Null(c.NextStep);

        c.Correct(5, "职位撤并，取消本次选任", "原因表述不准确", Clerk, Minute(12));
        Assert.Equal(SelectionStep.Correction, c.Trace[^1].Step);
    }

    [Fact]
    public void Shortlist_HoldsTheDifferentialBound_ForTwoPosts()
    {
        var c = Called(posts: 2);
        c.LinkMeetingRecommendation(31, Clerk, Minute(1));
        (int, string)[] three = [(101, "张伟"), (102, "李强"), (103, "王磊")];

        Assert.Equal(("Selection.TooFewInspected", "candidates"), Pair(Refused(() => c.Shortlist(three, Rules, Clerk, Minute(2)))));
        Assert.Equal(SelectionPhase.Recommended, c.Phase);

        c.Shortlist([.. three, (104, "赵军")], Rules, Clerk, Minute(2));
        Assert.Equal(4, c.Candidates.Count);
    }

    [Fact]
    public void Shortlist_APersonTwice_Refused()
    {
        var c = Called();
        c.LinkMeetingRecommendation(31, Clerk, Minute(1));

        Assert.Equal(("Selection.PersonTwice", "candidates"), Pair(Refused(() => c.Shortlist([(101, "张伟"), (101, "张伟")], Rules, Clerk, Minute(2)))));
    }

    [Fact]
    public void RecordDecision_LinksTheAgendaItem_AndMarksTheChosen_WithinThePosts()
    {
        var c = Inspected();

        Assert.Equal(("Selection.ChosenCount", "chosen"), Pair(Refused(() => c.RecordDecision(55, [101, 102], Clerk, Minute(21)))));
        Assert.Equal(("Selection.NotACandidate", "chosen"), Pair(Refused(() => c.RecordDecision(55, [999], Clerk, Minute(21)))));

        var entry = c.RecordDecision(55, [101], Clerk, Minute(21));
        Assert.Equal((55, "张伟"), (entry.LinkedId, entry.Text));
        Assert.Equal([true, false], c.Candidates.Select(x => x.Chosen));
    }
}
