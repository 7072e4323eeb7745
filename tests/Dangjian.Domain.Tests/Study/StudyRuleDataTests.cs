using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>The study module's rule data (credits, exams, course menu) and a person's credit total against the yearly minimum (seed 004, 理论学习学分制).</summary>
public sealed class StudyRuleDataTests
{
    private static readonly DateOnly Today = D("2026-12-31");
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly StudyPeriod Year2026 = new(D("2026-01-01"), D("2026-12-31"));

    [Fact]
    public void Defaults_AreValid()
    {
        StudyCredits.Defaults.Demand();
        StudyExamRules.Defaults.Demand();
        CourseMenuRules.Defaults.Demand();
    }

    [Fact]
    public void Total_ApprovedRecordsAndPassedExams_InsideThePeriod_AgainstTheYearlyMinimum()
    {
        var credits = StudyCredits.Defaults;
        var stay = StudyRecord.Enter(7, 3, new(StudyKind.PartySchool, From: D("2025-12-31"), To: D("2026-01-11")), false, credits, "张伟", Now, Today);
        var group = StudyRecord.Enter(7, 3, new(StudyKind.CentralGroup, Date: D("2026-03-01"), Hours: 3.5m, Topic: "党章"), false, credits, "张伟", Now, Today);
        var waiting = StudyRecord.Enter(7, 3, new(StudyKind.SelfStudy, Date: D("2026-03-01"), Hours: 10, Notes: "笔记"), false, credits, "张伟", Now, Today);
        var exams = new StudyExamHistory();
        exams.Record(D("2026-06-20"), ExamKind.Regular, 80, StudyExamRules.Defaults, "李娜", Now, Today);

        // 11 days × 8 + 3.5 × 1 + one passed regular exam 10; the waiting self-study earns nothing yet.
        var total = credits.Total([stay, group, waiting], exams, Year2026);

        Assert.Equal(101.5m, total);
        Assert.Equal(91.5m, credits.Total([stay, group, waiting], null, Year2026));
        Assert.True(credits.MeetsYearlyMinimum(total));
        Assert.True(credits.MeetsYearlyMinimum(100));
        Assert.False(credits.MeetsYearlyMinimum(99.9m));
    }

    [Fact]
    public void Credits_AKindTwice_ANegativeRate_ANegativeMinimum_AllNamed()
    {
        var bad = StudyCredits.Defaults with
        {
            Rules = [new(StudyKind.SelfStudy, 0.1m, true), new(StudyKind.SelfStudy, 0, true), new(StudyKind.Course, -0.5m, false)],
            YearlyMinimum = -1,
        };

        Assert.Equal(["rules[1].kind", "rules[2].rate", "yearlyMinimum"], Refused(bad.Demand).Problems.Select(p => p.Field));
        (StudyCredits.Defaults with { Rules = [new(StudyKind.Course, 0, false)], YearlyMinimum = 0 }).Demand();
    }

    [Theory]
    [InlineData(StudyContent.Theory, 6)]
    [InlineData(StudyContent.PartySpirit, 4.8)]
    [InlineData(StudyContent.Policy, 4)]
    [InlineData(StudyContent.Knowledge, 4)]
    [InlineData(null, 4)]
    public void Earned_ByContent_TheKindsRateTimesTheContentsFactor(StudyContent? content, decimal expected)
    {
        // Seed 004, 三 (一): 按参加学习时间、学习内容…设置不同学分 — four central-group hours at 1 credit an hour.
        Assert.Equal(expected, StudyCredits.Defaults.Earned(StudyKind.CentralGroup, 4, content));
    }

    [Fact]
    public void Earned_AContentTheDataLeavesOut_EarnsTheUnclassifiedFactor()
    {
        var credits = StudyCredits.Defaults with { Contents = [new(StudyContent.Theory, 2)], UnclassifiedFactor = 0.5m };

        Assert.Equal(8, credits.Earned(StudyKind.CentralGroup, 4, StudyContent.Theory));
        Assert.Equal(2, credits.Earned(StudyKind.CentralGroup, 4, StudyContent.Policy));
        Assert.Equal(2, credits.Earned(StudyKind.CentralGroup, 4));
    }

    [Theory]
    [InlineData(1.25, 0.0013)]
    [InlineData(1.24, 0.0012)]
    [InlineData(1.26, 0.0013)]
    public void Earned_RoundedHalfAwayFromZero_ToFourPlaces(decimal factor, decimal expected)
    {
        // Self-study's 0.1 an hour × the factor × 0.01 hours is 0.00125 at 1.25: kept as 0.0013 (away from zero), not 0.0012.
        var credits = StudyCredits.Defaults with { Contents = [new(StudyContent.Theory, factor)] };

        Assert.Equal(expected, credits.Earned(StudyKind.SelfStudy, 0.01m, StudyContent.Theory));
    }

    [Fact]
    public void Credits_AContentTwice_ANegativeFactor_AllNamed()
    {
        var bad = StudyCredits.Defaults with
        {
            Contents = [new(StudyContent.Theory, 1.5m), new(StudyContent.Theory, 1), new(StudyContent.Policy, -0.1m)],
            UnclassifiedFactor = -1,
        };

        Assert.Equal(["contents[1].content", "contents[2].factor", "unclassifiedFactor"], Refused(bad.Demand).Problems.Select(p => p.Field));
        (StudyCredits.Defaults with { Contents = [new(StudyContent.Policy, 0)], UnclassifiedFactor = 0 }).Demand();
    }

    [Theory]
    [InlineData(0, 100, 0, null)]
    [InlineData(100, 100, 0, null)]
    [InlineData(100.5, 100, 0, "passScore")]
    [InlineData(-1, 100, 0, "passScore")]
    [InlineData(60, 0, 0, "maxScore")]
    [InlineData(60, 100, -1, "makeUpWithinDays")]
    public void ExamRules_PassMarkWithinTheScale_MakeUpDaysNotNegative(decimal pass, decimal max, int days, string? field)
    {
        var rules = new StudyExamRules(pass, max, days);

        if (field is null)
        {
            rules.Demand();
        }
        else
        {
            Assert.Equal(field, Refused(rules.Demand).Field);
        }
    }

    [Theory]
    [InlineData(0, 3, "minPicks")]
    [InlineData(1, 1, null)]
    [InlineData(3, 2, "maxPicks")]
    public void MenuRules_AtLeastOne_MaximumNotBelowMinimum(int min, int max, string? field)
    {
        var rules = new CourseMenuRules(min, max);

        if (field is null)
        {
            rules.Demand();
        }
        else
        {
            Assert.Equal(field, Refused(rules.Demand).Field);
        }
    }
}
