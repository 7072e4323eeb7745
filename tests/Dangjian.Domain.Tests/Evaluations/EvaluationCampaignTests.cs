using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>A campaign's own transitions (EVA-3, EVA-8), its settings' checks (EVA-6, EVA-7) and the one weight tolerance.</summary>
public sealed class EvaluationCampaignTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly decimal[] Balanced = [0.3m, 0.4m, 0.3m];

    private static EvaluationCampaign Campaign(CampaignStatus status = CampaignStatus.Draft) => new()
    {
        Title = "2026年度班子考核",
        CriteriaJson = "{}",
        GradesJson = "[]",
        ComponentsJson = "{}",
        VetoGrade = "不称职",
        Seed = "S",
        Status = status,
    };

    private static DomainRuleException Refusal(Action act) => Assert.Throws<DomainRuleException>(act);

    // ---- The one tolerance (EVA-1, EVA-3, EVA-6)

    [Theory]
    [InlineData("0.3333", "0.3333", "0.3333", true)] // 0.9999: off by exactly the tolerance
    [InlineData("0.3333", "0.3333", "0.3332", false)] // 0.9998: one step beyond it
    [InlineData("0.5", "0.5", "0.0001", true)] // 1.0001
    [InlineData("0.5", "0.5", "0.0002", false)] // 1.0002
    public void SumToOne_AtAndBeyondTheTolerance(string a, string b, string c, bool ok) =>
        Assert.Equal(ok, EvaluationWeights.SumToOne([decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(c, System.Globalization.CultureInfo.InvariantCulture)]));

    [Fact]
    public void ScoringCheck_UsesTheSameTolerance()
    {
        var input = Scoring.Example() with { Groups = [new("班子成员", 0.5m), new("群众代表", 0.4999m)] };
        var beyond = Scoring.Example() with { Groups = [new("班子成员", 0.5m), new("群众代表", 0.4998m)] };

        Assert.DoesNotContain(EvaluationScoring.Check(input), e => e.Field == "groups");
        Assert.Contains(EvaluationScoring.Check(beyond), e => e.Field == "groups");
    }

    // ---- Default groups: rule data with resource keys

    [Fact]
    public void DefaultGroups_Assessment_TeamStaffResidentsWeighingOne()
    {
        var groups = CampaignRules.DefaultGroups(CampaignKind.AnnualAssessment);

        Assert.Equal([EvaluatorKind.TeamMembers, EvaluatorKind.Staff, EvaluatorKind.ResidentRepresentatives], groups.Select(g => g.Kind));
        Assert.True(EvaluationWeights.SumToOne(groups.Select(g => g.Weight)));
        Assert.Equal("EvaluatorKind.Staff", groups[1].NameKey);
    }

    [Fact]
    public void DefaultGroups_MemberReview_TheMembersAlone() =>
        Assert.Equal(new DefaultEvaluatorGroup(EvaluatorKind.Members, 1m), Assert.Single(CampaignRules.DefaultGroups(CampaignKind.MemberReview)));

    // ---- Grades and components

    [Fact]
    public void CheckGrades_TheDefaults_NoProblem()
    {
        Assert.Empty(CampaignRules.CheckGrades(GradeRule.Annual).Problems);
        Assert.Empty(CampaignRules.CheckGrades(GradeRule.MemberReview).Problems);
    }

    [Fact]
    public void CheckGrades_None_Refused() => Assert.Equal("Evaluation.NoGrades", Assert.Single(CampaignRules.CheckGrades([]).Problems).Code);

    [Fact]
    public void CheckGrades_SameMinAsTheGradeAbove_OrderRefused()
    {
        var problems = CampaignRules.CheckGrades([new("优秀", 90, null), new("称职", 90, null)]).Problems;

        Assert.Equal(("grades[1].min", "Evaluation.GradesOrder"), (Assert.Single(problems).Field, problems[0].Code));
    }

    [Fact]
    public void CheckGrades_OneBelowTheGradeAbove_Accepted() =>
        Assert.Empty(CampaignRules.CheckGrades([new("优秀", 90, null), new("称职", 89.99m, null)]).Problems);

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-0.01, false)]
    [InlineData(100.01, false)]
    public void CheckGrades_MinWithinZeroToHundred(double min, bool ok) =>
        Assert.Equal(ok, CampaignRules.CheckGrades([new("合格", (decimal)min, null)]).Problems.Count == 0);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(1.01, false)]
    [InlineData(-0.01, false)]
    public void CheckGrades_QuotaAShare(double quota, bool ok) =>
        Assert.Equal(ok, CampaignRules.CheckGrades([new("优秀", 90, (decimal)quota), new("合格", 0, null)]).Problems.Count == 0);

    [Fact]
    public void CheckGrades_QuotaOnTheLastGrade_Refused() =>
        Assert.Equal("Evaluation.LastGradeQuota", Assert.Single(CampaignRules.CheckGrades([new("优秀", 90, null), new("合格", 0, 0.5m)]).Problems).Code);

    [Fact]
    public void CheckGrades_DuplicateNameAfterTrimming_Refused() =>
        Assert.Equal("Evaluation.Duplicate", Assert.Single(CampaignRules.CheckGrades([new("优秀", 90, null), new(" 优秀 ", 80, null)]).Problems).Code);

    [Theory]
    [InlineData(10, true)]
    [InlineData(10.01, false)]
    public void CheckGrades_BonusAtMostTen(double bonus, bool ok) =>
        Assert.Equal(ok, CampaignRules.CheckGrades([new("优秀", 90, null, (decimal)bonus)]).Problems.Count == 0);

    [Fact]
    public void CheckGrades_DivisorZero_Refused() =>
        Assert.Equal("grades[0].quotaDivisor", Assert.Single(CampaignRules.CheckGrades([new("优秀", 90, null, QuotaDivisor: 0)]).Problems).Field);

    [Fact]
    public void CheckComponents_SumBeyondTheTolerance_Refused()
    {
        Assert.Empty(CampaignRules.CheckComponents(new ComponentWeights(0.4m, 0.4m, 0.1999m)));
        Assert.Equal("Evaluation.WeightsSum", Assert.Single(CampaignRules.CheckComponents(new ComponentWeights(0.4m, 0.4m, 0.1998m))).Code);
    }

    [Fact]
    public void CheckComponents_Negative_OutOfRange() =>
        Assert.Equal("Input.OutOfRange", Assert.Single(CampaignRules.CheckComponents(new ComponentWeights(-0.1m, 1.1m, 0m))).Code);

    [Fact]
    public void CheckVetoGrade_NotAmongTheGrades_Refused()
    {
        Assert.Empty(CampaignRules.CheckVetoGrade("不称职", GradeRule.Annual));
        Assert.Equal("Evaluation.VetoGradeUnknown", Assert.Single(CampaignRules.CheckVetoGrade("差", GradeRule.Annual)).Code);
    }

    // ---- Announce and open (EVA-3, EVA-8): subjects, groups, weights summing to one

    [Fact]
    public void Announce_Ready_AnnouncedWithTheText()
    {
        var c = Campaign();

        c.Announce("考核预告", Now, subjects: 1, Balanced);

        Assert.Equal((CampaignStatus.Announced, "考核预告"), (c.Status, c.Announcement));
        Assert.NotNull(c.AnnouncedAt);
    }

    [Fact]
    public void Announce_NoSubjectsAndNoGroups_BothNamedAndStillDraft()
    {
        var c = Campaign();

        var e = Refusal(() => c.Announce("考核预告", Now, subjects: 0, []));

        Assert.Equal(["groups", "subjects"], e.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(CampaignStatus.Draft, c.Status);
    }

    [Fact]
    public void Announce_WeightsOffByMoreThanTheTolerance_Refused() =>
        Assert.Equal("groups.weight", Refusal(() => Campaign().Announce("x", Now, 1, [0.3m, 0.4m, 0.2998m])).Field);

    [Fact]
    public void Announce_NotDraft_WrongStatus() =>
        Assert.Equal("Evaluation.WrongStatus", Refusal(() => Campaign(CampaignStatus.Announced).Announce("x", Now, 1, Balanced)).Code);

    [Fact]
    public void Open_Announced_Opens()
    {
        var c = Campaign(CampaignStatus.Announced);

        c.Open(1, Balanced);

        Assert.Equal(CampaignStatus.Open, c.Status);
    }

    [Theory]
    [InlineData(CampaignStatus.Draft)]
    [InlineData(CampaignStatus.Open)]
    public void Open_NotAnnounced_Refused(CampaignStatus status) =>
        Assert.Equal("Evaluation.WrongStatus", Refusal(() => Campaign(status).Open(1, Balanced)).Code);

    [Fact]
    public void Open_GroupsRemovedSinceAnnounced_Refused() =>
        Assert.Equal("Evaluation.NoGroups", Refusal(() => Campaign(CampaignStatus.Announced).Open(1, [])).Code);

    [Fact]
    public void Close_Open_Closes()
    {
        var c = Campaign(CampaignStatus.Open);

        c.Close();

        Assert.Equal(CampaignStatus.Closed, c.Status);
    }

    [Fact]
    public void Close_Announced_Refused() => Assert.Equal("Evaluation.WrongStatus", Refusal(() => Campaign(CampaignStatus.Announced).Close()).Code);

    // ---- Publicity (EVA-8)

    private static readonly HolidayCalendar Calendar = HolidayCalendar.Shipped;

    // 2026-11-23 is a Monday: five working days run to Friday the 27th.
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Publicize_FiveWorkingDays_PublicizedForThePeriod()
    {
        var c = Campaign(CampaignStatus.Closed);

        c.Publicize(Monday, Monday.AddDays(4), Calendar, 5, results: 3, resultsStale: false, "hash");

        Assert.Equal((CampaignStatus.Publicized, Monday, Monday.AddDays(4), "hash"), (c.Status, c.PublicityFrom!.Value, c.PublicityTo!.Value, c.PublicTokenHash));
    }

    [Fact]
    public void Publicize_OneWorkingDayShort_RefusedAndStillClosed()
    {
        var c = Campaign(CampaignStatus.Closed);

        var e = Refusal(() => c.Publicize(Monday, Monday.AddDays(3), Calendar, 5, 3, false, "hash"));

        Assert.Equal(("Evaluation.PeriodTooShort", "to"), (e.Code, e.Field));
        Assert.Equal(CampaignStatus.Closed, c.Status);
    }

    [Fact]
    public void Publicize_WeekendDoesNotCount() =>
        Assert.Equal("Evaluation.PeriodTooShort", Refusal(() => Campaign(CampaignStatus.Closed).Publicize(Monday.AddDays(3), Monday.AddDays(8), Calendar, 5, 3, false, "h")).Code);

    [Fact]
    public void Publicize_Backwards_Refused() =>
        Assert.Equal("Evaluation.PeriodBackwards", Refusal(() => Campaign(CampaignStatus.Closed).Publicize(Monday, Monday.AddDays(-1), Calendar, 0, 3, false, "h")).Code);

    [Theory]
    [InlineData(CampaignStatus.Open, 3, false, "Evaluation.PublicizeNotClosed")]
    [InlineData(CampaignStatus.Publicized, 3, false, "Evaluation.PublicizeNotClosed")]
    [InlineData(CampaignStatus.Closed, 0, false, "Evaluation.NoResults")]
    [InlineData(CampaignStatus.Closed, 3, true, "Evaluation.ResultsStale")]
    public void Publicize_NotReady_Refused(CampaignStatus status, int results, bool stale, string code) =>
        Assert.Equal(code, Refusal(() => Campaign(status).Publicize(Monday, Monday.AddDays(6), Calendar, 5, results, stale, "h")).Code);

    [Fact]
    public void LastDay_FromMonday_FifthWorkingDayIsFriday() =>
        Assert.Equal(Monday.AddDays(4), PublicityPeriod.LastDay(Calendar, Monday, 5));

    [Fact]
    public void Finalize_DayAfterThePeriodAllAnswered_Finalized()
    {
        var c = Campaign(CampaignStatus.Publicized);
        c.PublicityTo = Monday;

        c.Finalize(Monday.AddDays(1), 0);

        Assert.Equal(CampaignStatus.Finalized, c.Status);
    }

    [Fact]
    public void Finalize_OnTheLastDayWithAnUnansweredObjection_BothNamed()
    {
        var c = Campaign(CampaignStatus.Publicized);
        c.PublicityTo = Monday;

        var e = Refusal(() => c.Finalize(Monday, 1));

        Assert.Equal(["objections", "publicityTo"], e.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(CampaignStatus.Publicized, c.Status);
    }

    [Fact]
    public void Finalize_NotPublicized_Refused() => Assert.Equal("Evaluation.NotPublicized", Refusal(() => Campaign(CampaignStatus.Closed).Finalize(Monday, 0)).Code);

    // ---- Follow-ups (EVA-10)

    [Fact]
    public void FollowUp_DoneWithOutcome_Recorded()
    {
        var f = new EvaluationFollowUp { Measure = string.Empty };

        f.Record("限期改正", "张伟", Monday, FollowUpStatus.Done, "已改正");

        Assert.Equal((FollowUpStatus.Done, "已改正"), (f.Status, f.Outcome));
    }

    [Fact]
    public void FollowUp_DoneWithoutOutcome_RefusedAndStillOpen()
    {
        var f = new EvaluationFollowUp { Measure = string.Empty };

        Assert.Equal("outcome", Refusal(() => f.Record("限期改正", null, null, FollowUpStatus.Done, " ")).Field);
        Assert.Equal(FollowUpStatus.Open, f.Status);
    }

    [Fact]
    public void FollowUp_OpenWithoutOutcome_Recorded()
    {
        var f = new EvaluationFollowUp { Measure = string.Empty };

        f.Record("限期改正", null, null, FollowUpStatus.Open, null);

        Assert.Equal("限期改正", f.Measure);
    }
}
