using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Study;

/// <summary>
/// The demo's exams: the last half-yearly sitting for the sample township's branches, every member passed but one who
/// owes the make-up and one suspended for study (停职学习), both of the sample branch; each state is the one the exam
/// rule replays from the stored history.
/// </summary>
public sealed class DemoStudyExamsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    [Fact]
    public async Task Demo_OneMakeUpDue_OneSuspended_TheRestPassed_AsTheRuleReplaysThem()
    {
        await using var db = district.Database.Open();
        var histories = await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams).ToListAsync();
        var sitting = new DateOnly(2026, 6, 20); // the last 20 June or 20 December at least three weeks before 23 November 2026

        Assert.True(histories.Count > 50);
        var due = Assert.Single(histories, h => h.State == ExamState.MakeUpDue);
        var suspended = Assert.Single(histories, h => h.State == ExamState.Suspended);
        Assert.Equal((sitting.AddDays(StudyExamRules.Defaults.MakeUpWithinDays), sitting.AddDays(14)), (due.MakeUpDue!.Value, suspended.SuspendedSince!.Value));
        Assert.Equal([district.Result.SampleBranchId, district.Result.SampleBranchId], new[] { due.OrganizationId, suspended.OrganizationId });
        Assert.All(histories, h => Assert.Equal(h.State, StudyExams.Replay([.. h.Exams.OrderBy(e => e.Id).Select(e => new StudyExam(e.Date, e.Kind, e.Score))], StudyExamRules.Defaults.PassScore, SeededDistrictFixture.Today).State));
        Assert.All(histories.Where(h => h.State == ExamState.Ok), h => Assert.True(Assert.Single(h.Exams).Passed));
        Assert.DoesNotContain(histories, h => h.PersonId == district.Result.SampleMemberPersonId && h.State != ExamState.Ok);
    }
}
