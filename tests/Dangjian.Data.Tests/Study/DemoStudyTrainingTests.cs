using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Study;

/// <summary>
/// The demo's study and training in the sample township: this quarter's notes inspected in every branch but one, the
/// year's course menu open with 2–3 picks a leader and attendance only of courses already held, the township team's
/// lectures with one cadre's still planned, each attended course and each lecture given its person's record, and last
/// half-year's confirmed ranking with each 后进's rectification.
/// </summary>
public sealed class DemoStudyTrainingTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_EveryBranchButOneInspectedThisQuarter_TheSampleBranchsReflectionsThisMonth()
    {
        await using var db = district.Database.Open();
        var township = await TownshipAsync(db);
        var branches = await db.Organizations.AsNoTracking().Where(o => o.ParentId == township && o.Kind == OrganizationKind.Branch).Select(o => o.Id).ToListAsync();
        var quarter = StudyInspections.PeriodOf(StudyInspectionKind.Notes, Today);
        var notes = await db.StudyInspections.AsNoTracking().Include(i => i.Findings)
            .Where(i => i.Kind == StudyInspectionKind.Notes && i.Date >= quarter.Start && i.Date <= Today).ToListAsync();

        Assert.Equal(branches.Count - 1, notes.Count);
        Assert.All(notes, i => Assert.Equal((township, StudyInspectionStatus.Completed), (i.InspectorOrganizationId, i.Status)));
        Assert.Single(branches.Except(notes.Select(i => i.OrganizationId)));
        Assert.Contains(notes.SelectMany(i => i.Findings), f => !f.Satisfactory && f.Text is not null);

        var review = Assert.Single(await db.StudyInspections.AsNoTracking().Where(i => i.Kind == StudyInspectionKind.Reflections).ToListAsync());
        Assert.Equal((district.Result.SampleBranchId, StudyInspections.PeriodOf(StudyInspectionKind.Reflections, Today)), (review.OrganizationId, review.Period));
    }

    [Fact]
    public async Task Demo_TheYearsMenu_Open_TwoOrThreePicks_AttendanceOnlyOfCoursesHeld()
    {
        await using var db = district.Database.Open();
        var township = await TownshipAsync(db);
        var menu = await db.CourseMenus.AsNoTracking().Include(m => m.Courses).Include(m => m.Picks).SingleAsync(m => m.OrganizationId == township);

        Assert.Equal((Today.Year, CourseMenuStatus.Open), (menu.Year, menu.Status));
        Assert.All(menu.Picks.GroupBy(p => p.PersonId), g => Assert.InRange(g.Count(), CourseMenuRules.Defaults.MinPicks, CourseMenuRules.Defaults.MaxPicks));
        var held = menu.Courses.Where(c => c.Date <= Today).Select(c => c.Id).ToHashSet();
        Assert.All(menu.Picks.Where(p => p.Attended), p => Assert.Contains(p.CourseId, held));
        Assert.Contains(menu.Picks, p => p.Attended);
        Assert.Contains(menu.Picks, p => !p.Attended);
    }

    [Fact]
    public async Task Demo_TownshipCadresLectured_ButOne_AndLastHalfYearsRankingConfirmed()
    {
        await using var db = district.Database.Open();
        var township = await TownshipAsync(db);
        var lectures = await db.TheoryLectures.AsNoTracking().Where(l => l.OrganizationId == township).ToListAsync();
        Assert.Single(lectures, l => l.Status == TheoryLectureStatus.Planned);
        Assert.All(lectures.Where(l => l.Status == TheoryLectureStatus.Given), l => Assert.Equal(Today.Year, l.GivenOn!.Value.Year));
        Assert.Single(TheoryLectures.CadresWithout(lectures.Select(l => l.PersonId), lectures, Today.Year));

        var round = await db.StudyRankingRounds.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.OrganizationId == township);
        Assert.Equal((Today.Year, 1, StudyRankingStatus.Confirmed), (round.Year, round.Half, round.Status));
        Assert.Contains(round.Lines, l => l.Decision == RankingProposal.StudyModel);
        Assert.All(round.Lines.Where(l => l.Decision == RankingProposal.Laggard), l => Assert.True(l.RectificationDeadline > Today && l.ClassName is not null));
    }

    [Fact]
    public async Task Demo_EachAttendedCourse_AndEachLectureGiven_IsItsPersonsApprovedRecord_AndNothingElseIsLinked()
    {
        await using var db = district.Database.Open();
        var township = await TownshipAsync(db);
        var menu = await db.CourseMenus.AsNoTracking().Include(m => m.Courses).Include(m => m.Picks).SingleAsync(m => m.OrganizationId == township);
        var given = await db.TheoryLectures.AsNoTracking().Where(l => l.OrganizationId == township && l.Status == TheoryLectureStatus.Given).ToListAsync();
        var linked = await db.StudyRecords.AsNoTracking().Where(r => r.MenuCourseId != null || r.TheoryLectureId != null).ToListAsync();
        var orgOf = await db.People.AsNoTracking().Where(p => linked.Select(r => r.PersonId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.OrganizationId);

        Assert.Equal(
            menu.Picks.Where(p => p.Attended).Select(p => (p.PersonId, p.CourseId)).Order(),
            linked.Where(r => r.MenuCourseId is not null).Select(r => (r.PersonId, r.MenuCourseId!.Value)).Order());
        Assert.Equal(given.Select(l => (l.PersonId, l.Id, l.GivenOn, l.Hours)).Order(),
            linked.Where(r => r.TheoryLectureId is not null).Select(r => (r.PersonId, r.TheoryLectureId!.Value, r.Date, r.Hours)).Order());
        Assert.All(linked, r => Assert.Equal((StudyRecordStatus.Approved, orgOf[r.PersonId]), (r.Status, r.OrganizationId)));
        Assert.All(linked.Where(r => r.MenuCourseId is not null), r =>
            Assert.Equal((StudyKind.Course, menu.Courses.Single(c => c.Id == r.MenuCourseId).Date), (r.Kind, r.Date)));
    }

    private async Task<int> TownshipAsync(DangjianDbContext db) =>
        (await db.Organizations.AsNoTracking().Where(o => o.Id == district.Result.SampleBranchId).Select(o => o.ParentId).FirstAsync())!.Value;
}
