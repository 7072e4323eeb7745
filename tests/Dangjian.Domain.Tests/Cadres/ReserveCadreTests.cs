using System.Globalization;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-1: the reserve pool's dynamic management, postings and yearly results (seed 004, 三 (二)).</summary>
public sealed class ReserveCadreTests
{
    internal static readonly DateOnly Today = D("2026-06-30");

    internal static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    internal static ReserveCadre Enter(int personId = 7, string on = "2025-01-10", params ReserveCadre[] earlier) =>
        ReserveCadre.Enter(personId, 1, "正科级", "党政正职", ReserveSource.DemocraticRecommendation, D(on), "集中推荐", earlier, Today);

    private static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    [Fact]
    public void Enter_KeepsTheTargetAndSource_AndIsOpen()
    {
        var e = Enter();

        Assert.Equal((7, 1, "正科级", "党政正职", ReserveSource.DemocraticRecommendation, D("2025-01-10"), "集中推荐", true),
            (e.PersonId, e.OrganizationId, e.TargetPostLevel, e.TargetPostType, e.Source, e.EnteredOn, e.EntryReason, e.IsOpen));
    }

    [Fact]
    public void Enter_WhileThePersonHasAnOpenEntry_IsRefused()
    {
        var open = Enter();

        var ex = Refused(() => Enter(7, "2026-01-01", open));

        Assert.Equal(("Cadre.PoolEntryTwice", "personId"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Enter_AnotherPersonsOpenEntry_DoesNotCount()
    {
        var other = Enter(8);

        Assert.True(Enter(7, "2025-01-10", other).IsOpen);
    }

    [Theory]
    [InlineData("2025-12-30", false)]
    [InlineData("2025-12-31", true)]
    public void ReEnter_BeforeTheDayTheLastEntryClosed_IsRefused_OnOrAfter_MakesANewEntry(string on, bool accepted)
    {
        var first = Enter();
        first.Leave(D("2025-12-31"), "考核基本称职，调出", Today);

        if (accepted)
        {
            var second = Enter(7, on, first);
            Assert.NotSame(first, second);
            Assert.Equal((D("2025-12-31"), "考核基本称职，调出"), (first.LeftOn!.Value, first.LeaveReason!));
            Assert.False(first.IsInPoolOn(D("2025-12-31")));
            Assert.True(second.IsInPoolOn(D("2025-12-31")));
        }
        else
        {
            var ex = Refused(() => Enter(7, on, first));
            Assert.Equal(("Cadre.ReentryBeforeLeaving", "enteredOn"), (ex.Code, ex.Field));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Leave_WithoutAReason_IsRefused_AndTheEntryStaysOpen(string? reason)
    {
        var e = Enter();

        var ex = Refused(() => e.Leave(D("2026-01-01"), reason, Today));

        Assert.Equal(("Input.Required", "leaveReason"), (ex.Code, ex.Field));
        Assert.True(e.IsOpen);
    }

    [Theory]
    [InlineData("2025-01-09", "Cadre.LeftBeforeEntered")]
    [InlineData("2026-07-01", "Cadre.DayInFuture")]
    public void Leave_BeforeEnteringOrAfterToday_IsRefused(string on, string code)
    {
        var e = Enter();

        var ex = Refused(() => e.Leave(D(on), "调出", Today));

        Assert.Equal((code, "leftOn"), (ex.Code, ex.Field));
        Assert.True(e.IsOpen);
    }

    [Theory]
    [InlineData("2025-01-10")]
    [InlineData("2026-06-30")]
    public void Leave_OnTheEntryDayOrToday_IsAccepted(string on)
    {
        var e = Enter();

        e.Leave(D(on), "调出", Today);

        Assert.Equal(D(on), e.LeftOn);
    }

    [Fact]
    public void Leave_Twice_IsRefused()
    {
        var e = Enter();
        e.Leave(D("2026-01-01"), "提拔任用", Today);

        Assert.Equal("Cadre.PoolEntryClosed", Refused(() => e.Leave(D("2026-02-01"), "再次调出", Today)).Code);
    }

    [Fact]
    public void Enter_OnADayAfterToday_IsRefused()
    {
        var ex = Refused(() => Enter(7, "2026-07-01"));

        Assert.Equal(("Cadre.DayInFuture", "enteredOn"), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData(null, "党政正职", "targetPostLevel")]
    [InlineData("正科级", "", "targetPostType")]
    public void Enter_WithoutTheTargetPost_IsRefusedNamingTheField(string? level, string? type, string field)
    {
        var ex = Refused(() => ReserveCadre.Enter(7, 1, level, type, ReserveSource.PublicSelection, D("2025-01-10"), null, [], Today));

        Assert.Equal(("Input.Required", field), (ex.Code, ex.Field));
    }

    [Fact]
    public void Enter_WithAnUnknownSource_IsRefused()
    {
        var ex = Refused(() => ReserveCadre.Enter(7, 1, "正科级", "党政正职", (ReserveSource)9, D("2025-01-10"), null, [], Today));

        Assert.Equal(("Input.Invalid", "source"), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData("2025-03-01", "2025-02-28", false)]
    [InlineData("2025-03-01", "2025-03-01", true)]
    public void AddPosting_ToBeforeFrom_IsRefused_OneDayIsAccepted(string from, string to, bool accepted)
    {
        var e = Enter();

        if (accepted)
        {
            e.AddPosting(PostingKind.Secondment, "区信访局", D(from), D(to));
            Assert.Single(e.Postings);
        }
        else
        {
            var ex = Refused(() => e.AddPosting(PostingKind.Secondment, "区信访局", D(from), D(to)));
            Assert.Equal(("Cadre.ToBeforeFrom", "to"), (ex.Code, ex.Field));
            Assert.Empty(e.Postings);
        }
    }

    [Theory]
    [InlineData("2025-06-30", false)]
    [InlineData("2025-07-01", true)]
    public void AddPosting_SharingADayWithAnother_IsRefused_TheNextDayIsAccepted(string from, bool accepted)
    {
        var e = Enter();
        e.AddPosting(PostingKind.VillagePosting, "东吴村", D("2025-03-01"), D("2025-06-30"));

        if (accepted)
        {
            e.AddPosting(PostingKind.Exchange, "区发改局", D(from), D("2025-12-31"));
            Assert.Equal(2, e.Postings.Count);
        }
        else
        {
            var ex = Refused(() => e.AddPosting(PostingKind.Exchange, "区发改局", D(from), D("2025-12-31")));
            Assert.Equal(("Cadre.PostingOverlap", "from"), (ex.Code, ex.Field));
            Assert.Single(e.Postings);
        }
    }

    [Theory]
    [InlineData("2025-03-01", false)]
    [InlineData("2025-02-28", true)]
    public void AddPosting_EndingOnTheFirstDayOfAnother_IsRefused_TheDayBeforeIsAccepted(string to, bool accepted)
    {
        var e = Enter();
        e.AddPosting(PostingKind.VillagePosting, "东吴村", D("2025-03-01"), D("2025-06-30"));

        if (accepted)
        {
            e.AddPosting(PostingKind.Exchange, "区发改局", D("2025-01-10"), D(to));
            Assert.Equal(2, e.Postings.Count);
        }
        else
        {
            Assert.Equal("Cadre.PostingOverlap", Refused(() => e.AddPosting(PostingKind.Exchange, "区发改局", D("2025-01-10"), D(to))).Code);
        }
    }

    [Fact]
    public void AddPosting_AfterARunningPosting_IsRefusedUntilItEnds()
    {
        var e = Enter();
        var running = e.AddPosting(PostingKind.Secondment, "东吴村", D("2025-03-01"), null);

        Assert.Equal("Cadre.PostingOverlap", Refused(() => e.AddPosting(PostingKind.Exchange, "区发改局", D("2026-03-01"), null)).Code);

        e.EndPosting(running, D("2026-02-28"));
        e.AddPosting(PostingKind.Exchange, "区发改局", D("2026-03-01"), null);
        Assert.Equal(2, e.Postings.Count);
    }

    [Fact]
    public void EndPosting_BeforeItsFirstDay_OrTwice_IsRefused()
    {
        var e = Enter();
        var p = e.AddPosting(PostingKind.Secondment, "东吴村", D("2025-03-01"), null);

        Assert.Equal("Cadre.ToBeforeFrom", Refused(() => e.EndPosting(p, D("2025-02-28"))).Code);
        e.EndPosting(p, D("2025-03-01"));
        Assert.Equal("Cadre.PostingEnded", Refused(() => e.EndPosting(p, D("2025-04-01"))).Code);
    }

    [Theory]
    [InlineData("2025-01-09", false)]
    [InlineData("2025-01-10", true)]
    public void AddPosting_BeforeTheEntry_IsRefused(string from, bool accepted)
    {
        var e = Enter();

        if (accepted)
        {
            Assert.Equal(D(from), e.AddPosting(PostingKind.Secondment, "东吴村", D(from), null).From);
        }
        else
        {
            Assert.Equal("Cadre.PostingBeforeEntry", Refused(() => e.AddPosting(PostingKind.Secondment, "东吴村", D(from), null)).Code);
        }
    }

    [Fact]
    public void AddPosting_ToAClosedEntry_IsRefused()
    {
        var e = Enter();
        e.Leave(D("2026-01-01"), "调出", Today);

        Assert.Equal("Cadre.PoolEntryClosed", Refused(() => e.AddPosting(PostingKind.Secondment, "东吴村", D("2025-03-01"), null)).Code);
    }

    [Fact]
    public void NoteAssessment_KeepsOneGradePerYear_TheSameAgainChangesNothing()
    {
        var e = Enter();
        e.NoteAssessment(2025, "优秀", GradeRule.Annual);
        e.NoteAssessment(2025, "优秀", GradeRule.Annual);

        var ex = Refused(() => e.NoteAssessment(2025, "称职", GradeRule.Annual));

        Assert.Equal(("Cadre.AssessmentYearTwice", "year"), (ex.Code, ex.Field));
        Assert.Equal([new AnnualGrade(2025, "优秀")], e.Grades());
    }

    [Fact]
    public void NoteAssessment_AGradeTheListDoesNotKnow_IsRefused()
    {
        var e = Enter();

        var ex = Refused(() => e.NoteAssessment(2025, "合格", GradeRule.Annual));

        Assert.Equal(("Cadre.GradeUnknown", "grade"), (ex.Code, ex.Field));
        Assert.Empty(e.Assessments);
    }

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2199, true)]
    [InlineData(2200, false)]
    public void NoteAssessment_YearOutsideTheSaneRange_IsRefused(int year, bool accepted)
    {
        var e = Enter();

        if (accepted)
        {
            e.NoteAssessment(year, "称职", GradeRule.Annual);
            Assert.Single(e.Assessments);
        }
        else
        {
            Assert.Equal(("Input.OutOfRange", "year"), (Refused(() => e.NoteAssessment(year, "称职", GradeRule.Annual)) is var ex ? (ex.Code, ex.Field) : default));
        }
    }
}
