using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-7: each cadre's yearly theory lecture (seed 004: 每年在单位内部上一堂以上理论课), and who has not given one.</summary>
public sealed class TheoryLectureTests
{
    private static readonly DateOnly Today = D("2027-06-30");

    private static TheoryLecture Given(int person, string on)
    {
        var l = TheoryLecture.Plan(person, 3, "学习贯彻党章", D(on));
        l.MarkGiven(D(on), 2, Today);
        return l;
    }

    [Fact]
    public void CadresWithout_ALectureOnDecember31_CountsForThatYear_NotTheNext()
    {
        TheoryLecture[] lectures = [Given(1, "2026-12-31"), Given(2, "2027-01-01")];

        Assert.Equal([2, 3], TheoryLectures.CadresWithout([1, 2, 3], lectures, 2026));
        Assert.Equal([1, 3], TheoryLectures.CadresWithout([1, 2, 3], lectures, 2027));
    }

    [Fact]
    public void CadresWithout_APlannedLectureDoesNotCount_EachCadreOnce()
    {
        TheoryLecture[] lectures = [TheoryLecture.Plan(1, 3, "党史", D("2027-03-01"))];

        Assert.Equal([1, 2], TheoryLectures.CadresWithout([1, 2, 1], lectures, 2027));
    }

    [Fact]
    public void MarkGiven_Today_Accepted_Tomorrow_Refused_Twice_Refused()
    {
        var l = TheoryLecture.Plan(1, 3, "党史", D("2027-07-05"));
        Assert.Equal(("Study.InFuture", "givenOn"), Pair(Refused(() => l.MarkGiven(Today.AddDays(1), 2, Today))));
        Assert.Equal(TheoryLectureStatus.Planned, l.Status);

        l.MarkGiven(Today, 2, Today);

        Assert.Equal((TheoryLectureStatus.Given, Today), (l.Status, l.GivenOn!.Value));
        Assert.Equal(("Study.LectureAlreadyGiven", "status"), Pair(Refused(() => l.MarkGiven(Today, 2, Today))));
    }

    [Fact]
    public void AttachRating_OnlyOnceGiven_AndOnce()
    {
        var l = TheoryLecture.Plan(1, 3, "党史", D("2027-03-01"));
        Assert.Equal(("Study.LectureNotGiven", "status"), Pair(Refused(() => l.AttachRating(9))));

        l.MarkGiven(D("2027-03-01"), 2, Today);
        l.AttachRating(9);

        Assert.Equal(9, l.SurveyId);
        Assert.Equal(("Study.LectureRated", "surveyId"), Pair(Refused(() => l.AttachRating(10))));
    }

    [Fact]
    public void Plan_NeedsATopic_AndASaneDay()
    {
        Assert.Equal(("Input.Required", "topic"), Pair(Refused(() => TheoryLecture.Plan(1, 3, " ", Today))));
        Assert.Equal("plannedOn", Refused(() => TheoryLecture.Plan(1, 3, "党史", D("2200-01-01"))).Field);
    }

    [Theory]
    [InlineData(null, "Study.HoursRange")]
    [InlineData("0", "Study.HoursRange")]
    [InlineData("24.01", "Study.HoursRange")]
    [InlineData("1.005", "Study.HoursPrecision")]
    public void MarkGiven_WithoutSessionHours_Refused_ChangesNothing(string? hours, string code)
    {
        var l = TheoryLecture.Plan(1, 3, "党史", D("2027-03-01"));

        Assert.Equal((code, "hours"), Pair(Refused(() => l.MarkGiven(D("2027-03-01"), Hours(hours), Today))));

        Assert.Equal((TheoryLectureStatus.Planned, null, null), (l.Status, l.GivenOn, l.Hours));
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("24")]
    public void MarkGiven_HoursAtTheBounds_Kept(string hours)
    {
        var l = TheoryLecture.Plan(1, 3, "党史", D("2027-03-01"));

        l.MarkGiven(D("2027-03-02"), Hours(hours), Today);

        Assert.Equal((TheoryLectureStatus.Given, D("2027-03-02"), Hours(hours)), (l.Status, l.GivenOn, l.Hours));
    }

    [Fact]
    public void OfLecture_TheApprovedLectureRecord_OnlyOnceGiven()
    {
        var now = new DateTimeOffset(2027, 6, 30, 2, 0, 0, TimeSpan.Zero);
        var l = TheoryLecture.Plan(1, 3, "党史中的优良作风", D("2027-03-01"));
        Assert.Equal(("Study.LectureNotGiven", "status"), Pair(Refused(() => StudyRecord.OfLecture(l, 5, "李娜", now))));
        l.MarkGiven(D("2027-03-02"), 1.5m, Today);

        var r = StudyRecord.OfLecture(l, 5, "李娜", now);

        Assert.Equal(
            (1, 5, StudyKind.Lecture, D("2027-03-02"), 1.5m, "党史中的优良作风", (Guid?)null),
            (r.PersonId, r.OrganizationId, r.Kind, r.Date!.Value, r.Hours!.Value, r.Topic, r.MenuCourseId));
        Assert.Same(l, r.Lecture);
        Assert.Equal((true, StudyRecordStatus.Approved, "李娜", now), (r.EnteredByClerk, r.Status, r.DecidedBy, r.DecidedAt));
        Assert.Equal(3m, r.Credits(StudyCredits.Defaults, new StudyPeriod(D("2027-01-01"), D("2027-12-31"))));
    }

    private static decimal? Hours(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
