using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-1: entering, approving and returning study records, and the credits they earn (seed 004, 理论学习学分制).</summary>
public sealed class StudyRecordTests
{
    private static readonly DateOnly Today = D("2026-06-30");
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly StudyCredits Credits = StudyCredits.Defaults;
    private static readonly StudyPeriod Year2026 = new(D("2026-01-01"), D("2026-12-31"));

    private static StudyRecordContent Session(StudyKind kind, string date = "2026-06-01", decimal hours = 4, string? topic = "学习党章", string? notes = "读书笔记") =>
        new(kind, Date: D(date), Hours: hours, Topic: topic, Notes: notes);

    private static StudyRecordContent Stay(string from, string to) => new(StudyKind.PartySchool, From: D(from), To: D(to));

    private static StudyRecord Enter(StudyRecordContent content, bool byClerk = false) => StudyRecord.Enter(7, 3, content, byClerk, Credits, "张伟", Now, Today);

    [Theory]
    [InlineData(StudyKind.SelfStudy, false, StudyRecordStatus.Pending)]
    [InlineData(StudyKind.Lecture, false, StudyRecordStatus.Pending)]
    [InlineData(StudyKind.CentralGroup, false, StudyRecordStatus.Approved)]
    [InlineData(StudyKind.SelfStudy, true, StudyRecordStatus.Approved)]
    public void Enter_KindNeedingApproval_WaitsForTheClerk_UnlessTheClerkEnteredIt(StudyKind kind, bool byClerk, StudyRecordStatus status)
    {
        var r = Enter(Session(kind), byClerk);

        Assert.Equal(status, r.Status);
        Assert.Equal(status == StudyRecordStatus.Approved ? "张伟" : null, r.DecidedBy);
    }

    [Fact]
    public void Enter_ApprovalComesFromTheRuleData_NotTheKind()
    {
        var trusting = Credits with { Rules = [new(StudyKind.SelfStudy, 0.1m, false)] };

        Assert.Equal(StudyRecordStatus.Approved, StudyRecord.Enter(7, 3, Session(StudyKind.SelfStudy), false, trusting, "张伟", Now, Today).Status);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.1, true)]
    [InlineData(24, true)]
    [InlineData(24.5, false)]
    public void Enter_Hours_MoreThanZero_AtMostADay(decimal hours, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(hours, Enter(Session(StudyKind.CentralGroup, hours: hours)).Hours);
        }
        else
        {
            Assert.Equal("hours", Refused(() => Enter(Session(StudyKind.CentralGroup, hours: hours))).Field);
        }
    }

    [Theory]
    [InlineData(1.25, true)]
    [InlineData(1.255, false)]
    public void Enter_Hours_ToTheHundredthAtMost(decimal hours, bool accepted)
    {
        // Stored to the hundredth on both providers: a finer figure would be rounded by one database and kept by the other.
        if (accepted)
        {
            Assert.Equal(hours, Enter(Session(StudyKind.CentralGroup, hours: hours)).Hours);
        }
        else
        {
            Assert.Equal(("hours", "Study.HoursPrecision"), Refused(() => Enter(Session(StudyKind.CentralGroup, hours: hours))) is var e ? (e.Field, e.Code) : default);
        }
    }

    [Fact]
    public void Enter_HoursMissing_Refused() =>
        Assert.Equal("hours", Refused(() => Enter(new StudyRecordContent(StudyKind.Course, Date: Today, Topic: "法治"))).Field);

    [Fact]
    public void Enter_Today_Accepted_Tomorrow_Refused()
    {
        Assert.Equal(Today, Enter(Session(StudyKind.CentralGroup, date: "2026-06-30")).Date);
        var e = Refused(() => Enter(Session(StudyKind.CentralGroup, date: "2026-07-01")));
        Assert.Equal(("Study.InFuture", "date"), (e.Code, e.Field));
    }

    [Fact]
    public void Enter_Stay_OneDay_Accepted_EndBeforeStart_Refused_EndInFuture_Refused()
    {
        Assert.Equal(1, Enter(Stay("2026-03-01", "2026-03-01")).Days);
        Assert.Equal(("Study.ToBeforeFrom", "to"), Pair(Refused(() => Enter(Stay("2026-03-02", "2026-03-01")))));
        Assert.Equal(("Study.InFuture", "to"), Pair(Refused(() => Enter(Stay("2026-06-01", "2026-07-01")))));
        Assert.Equal("from", Refused(() => Enter(new StudyRecordContent(StudyKind.PartySchool, To: Today))).Field);
    }

    [Fact]
    public void Enter_DayOutsideTheSaneRange_Refused() =>
        Assert.Equal(("Input.DateOutOfRange", "date"), Pair(Refused(() => Enter(Session(StudyKind.CentralGroup, date: "1899-12-31")))));

    [Theory]
    [InlineData(StudyKind.CentralGroup, "topic")]
    [InlineData(StudyKind.Course, "topic")]
    [InlineData(StudyKind.Lecture, "topic")]
    [InlineData(StudyKind.Concentrated, "topic")]
    [InlineData(StudyKind.SelfStudy, "notes")]
    public void Enter_WithoutWhatItsKindNames_Refused(StudyKind kind, string field) =>
        Assert.Equal(("Input.Required", field), Pair(Refused(() => Enter(Session(kind, topic: field == "topic" ? " " : "x", notes: field == "notes" ? null : "x")))));

    [Fact]
    public void Enter_TopicAtItsLength_Accepted_OneMore_Refused()
    {
        Assert.NotNull(Enter(Session(StudyKind.Course, topic: new string('学', StudyRecord.MaxTopicLength))).Topic);
        Assert.Equal(("Input.TooLong", "topic"), Pair(Refused(() => Enter(Session(StudyKind.Course, topic: new string('学', StudyRecord.MaxTopicLength + 1))))));
    }

    [Fact]
    public void Return_NeedsAReason_ThenTheEditedRecordWaitsAgain()
    {
        var r = Enter(Session(StudyKind.SelfStudy));
        Assert.Equal("reason", Refused(() => r.Return(" ", "李娜", Now)).Field);
        Assert.Equal(StudyRecordStatus.Pending, r.Status);

        r.Return("笔记不全", "李娜", Now);
        Assert.Equal((StudyRecordStatus.Returned, "笔记不全"), (r.Status, r.ReturnReason));
        Assert.Equal(("Study.RecordNotPending", "status"), Pair(Refused(() => r.Approve("李娜", Now))));

        r.Edit(Session(StudyKind.SelfStudy, hours: 5), false, Credits, "张伟", Now, Today);
        Assert.Equal((StudyRecordStatus.Pending, null, 5m), (r.Status, r.ReturnReason, r.Hours));
        r.Approve("李娜", Now);
        Assert.Equal((StudyRecordStatus.Approved, "李娜"), (r.Status, r.DecidedBy));
    }

    [Fact]
    public void Approved_IsFixed_NeitherEditedNorDecidedAgain()
    {
        var r = Enter(Session(StudyKind.CentralGroup, hours: 4));

        Assert.Equal(("Study.RecordNotEditable", "status"), Pair(Refused(() => r.Edit(Session(StudyKind.CentralGroup, hours: 9), true, Credits, "李娜", Now, Today))));
        Assert.Equal("status", Refused(() => r.Return("不对", "李娜", Now)).Field);
        Assert.Equal((4m, StudyRecordStatus.Approved), (r.Hours!.Value, r.Status));
    }

    [Fact]
    public void ALinkedRecord_NeitherEditedNorReturnedByHand()
    {
        var course = new MenuCourse { Title = "依法行政", Date = D("2026-05-15"), Hours = 3 };
        var made = StudyRecord.OfCourse(course, 7, 3, "李娜", Now);
        Assert.Equal(("Study.RecordLinked", "status"), Pair(Refused(() => made.Edit(Session(StudyKind.Course, hours: 9), true, Credits, "李娜", Now, Today))));
        Assert.Equal(3m, made.Hours!.Value);

        // Even while waiting: the menu or the lecture is the one place it changes.
        var waiting = Enter(Session(StudyKind.Lecture));
        var byLecture = Enter(Session(StudyKind.Lecture));
        byLecture.TheoryLectureId = 9;
        Assert.Equal(("Study.RecordLinked", "status"), Pair(Refused(() => byLecture.Return("不对", "李娜", Now))));
        Assert.Equal(("Study.RecordLinked", "status"), Pair(Refused(() => byLecture.Edit(Session(StudyKind.Lecture, hours: 2), false, Credits, "张伟", Now, Today))));
        Assert.Equal((StudyRecordStatus.Pending, 4m), (byLecture.Status, byLecture.Hours!.Value));

        waiting.Return("不对", "李娜", Now);
        waiting.Edit(Session(StudyKind.Lecture, hours: 2), false, Credits, "张伟", Now, Today);
        Assert.Equal((StudyRecordStatus.Pending, 2m), (waiting.Status, waiting.Hours!.Value));
    }

    [Fact]
    public void Edit_Refused_ChangesNothing()
    {
        var r = Enter(Session(StudyKind.SelfStudy, hours: 3));

        Refused(() => r.Edit(Session(StudyKind.SelfStudy, hours: 30), false, Credits, "张伟", Now, Today));

        Assert.Equal((3m, StudyRecordStatus.Pending), (r.Hours!.Value, r.Status));
    }

    [Theory]
    [InlineData(StudyKind.CentralGroup, 4.5, 4.5)]
    [InlineData(StudyKind.SelfStudy, 3, 0.3)]
    [InlineData(StudyKind.Lecture, 2, 4)]
    public void Credits_PerHour_ByKind_FromTheRuleData(StudyKind kind, decimal hours, decimal credits) =>
        Assert.Equal(credits, Enter(Session(kind, hours: hours), byClerk: true).Credits(Credits, Year2026));

    [Fact]
    public void Credits_Stay_PerDay_OnlyTheDaysInsideThePeriod()
    {
        var r = Enter(Stay("2025-12-30", "2026-01-02"));

        Assert.Equal(2 * 8m, r.Credits(Credits, Year2026));
        Assert.Equal(4 * 8m, r.Credits(Credits, new(D("2025-01-01"), D("2026-12-31"))));
    }

    [Fact]
    public void Credits_FollowTheRecordsContent_ASessionAndAStay()
    {
        var theory = Enter(Session(StudyKind.CentralGroup, hours: 4) with { Content = StudyContent.Theory });
        var stay = Enter(Stay("2026-03-01", "2026-03-02") with { Content = StudyContent.PartySpirit });

        Assert.Equal(StudyContent.Theory, theory.Content);
        Assert.Equal(6m, theory.Credits(Credits, Year2026));
        Assert.Equal(2 * 8 * 1.2m, stay.Credits(Credits, Year2026));
        Assert.Equal(4m, Enter(Session(StudyKind.CentralGroup, hours: 4)).Credits(Credits, Year2026));
    }

    [Fact]
    public void Enter_AContentOutsideTheList_Refused() =>
        Assert.Equal("content", Refused(() => Enter(Session(StudyKind.CentralGroup) with { Content = (StudyContent)99 })).Field);

    [Fact]
    public void Credits_OnlyWhenApproved_AndDatedInsideThePeriod()
    {
        var waiting = Enter(Session(StudyKind.SelfStudy, date: "2026-01-01", hours: 10));
        Assert.Equal(0m, waiting.Credits(Credits, Year2026));

        waiting.Approve("李娜", Now);
        Assert.Equal(1m, waiting.Credits(Credits, Year2026));
        Assert.Equal(0m, waiting.Credits(Credits, new(D("2025-01-01"), D("2025-12-31"))));
    }

    [Fact]
    public void Time_IsWhatTheComplianceRuleCounts()
    {
        Assert.Equal(StudyTime.Span("partySchool", D("2026-03-01"), D("2026-04-15")), Enter(Stay("2026-03-01", "2026-04-15")).Time);
        Assert.Equal(StudyTime.Session("centralGroup", D("2026-06-01"), 4), Enter(Session(StudyKind.CentralGroup)).Time);
    }

    [Fact]
    public void Counted_OnlyApprovedRecords_ReachTheComplianceRule()
    {
        var waiting = Enter(Session(StudyKind.SelfStudy, hours: 20));
        var approved = Enter(Session(StudyKind.SelfStudy, hours: 2), byClerk: true);
        var requirement = new StudyRequirement("team", "selfStudy", StudyPer.Year, StudyUnit.Hours, 300);

        var status = StudyCompliance.Evaluate(requirement, null, StudyRecord.Counted([waiting, approved]), Today);

        Assert.Equal((2m, 298m), (status.Done, status.Missing));
    }

    [Theory]
    [InlineData(ExamKind.Regular, true, 10)]
    [InlineData(ExamKind.MakeUp, true, 5)]
    [InlineData(ExamKind.Regular, false, 0)]
    public void ForExam_APassEarnsItsFigure_AFailNothing(ExamKind kind, bool passed, decimal credits) =>
        Assert.Equal(credits, Credits.ForExam(kind, passed));
}
