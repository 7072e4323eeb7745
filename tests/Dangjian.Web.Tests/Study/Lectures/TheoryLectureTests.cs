using System.Net;
using Dangjian.Domain.Study;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Features.Study.Lectures;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Study.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Study.Lectures;

/// <summary>
/// 理论课 (STU-7) over HTTP on a real database: a cadre's lecture planned and marked given; only a lecture given in the
/// year takes the cadre off that year's list (a planned one does not, and 31 December counts for its own year only);
/// a lecture given with its hours becomes the cadre's lecture record (and credits), without them nothing changes;
/// township B refused.
/// </summary>
public abstract class TheoryLectureTests(AppFixture app)
{
    private const string Route = TheoryLectureEndpoints.Route;

    [Fact]
    public async Task OnlyALectureGivenInTheYear_TakesTheCadreOffTheList()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 3);
        var today = OrgToday.Value;

        var planned = await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[0], "学习贯彻党的二十大精神", today))).ReadAsync<TheoryLectureView>();
        Assert.Equal(TheoryLectureStatus.Planned, planned.Status);
        Assert.Equal(l, await WithoutAsync(admin, branch, today.Year));

        var tomorrow = await (await admin.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(today.AddDays(1), planned.Version, 2))).ProblemErrorsAsync();
        Assert.Equal(["givenOn"], tomorrow.Keys);
        var given = await admin.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(today, planned.Version, 2));
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Equal([l[1], l[2]], await WithoutAsync(admin, branch, today.Year));

        // Given on the last day of 2024: it counts for 2024 and not for the year after.
        var last = await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[1], "依法行政", new DateOnly(2024, 12, 31)))).ReadAsync<TheoryLectureView>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/{last.Id}/given", new MarkLectureGivenRequest(new DateOnly(2024, 12, 31), last.Version, 2))).StatusCode);
        Assert.Equal([l[0], l[2]], await WithoutAsync(admin, branch, 2024));
        Assert.Equal(l, await WithoutAsync(admin, branch, 2025));
    }

    [Fact]
    public async Task Given_WithoutHours_Is400OnHours_NothingChanged_WithThem_TheCadresLectureRecord()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var today = OrgToday.Value;
        var planned = await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[0], "党史中的优良作风", today))).ReadAsync<TheoryLectureView>();
        var before = await CreditsAsync(admin, l[0]);

        var missing = await admin.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(today, planned.Version, null));
        Assert.Equal(["hours"], (await missing.ProblemErrorsAsync()).Keys);
        Assert.Equal(["hours"], (await (await admin.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(today, planned.Version, 24.5m))).ProblemErrorsAsync()).Keys);
        Assert.Equal((TheoryLectureStatus.Planned, 0), await StoredAsync(planned.Id));

        var given = await (await admin.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(today, planned.Version, 1.5m))).ReadAsync<TheoryLectureView>();

        Assert.Equal((TheoryLectureStatus.Given, 1.5m), (given.Status, given.Hours!.Value));
        Assert.Equal((TheoryLectureStatus.Given, 1), await StoredAsync(planned.Id));
        var record = await app.WithDbAsync(db => db.StudyRecords.AsNoTracking().SingleAsync(r => r.TheoryLectureId == planned.Id));
        Assert.Equal(
            (l[0], branch, StudyKind.Lecture, today, 1.5m, "党史中的优良作风", StudyRecordStatus.Approved),
            (record.PersonId, record.OrganizationId, record.Kind, record.Date!.Value, record.Hours!.Value, record.Topic, record.Status));
        Assert.Equal(before + (1.5m * StudyCredits.Defaults.For(StudyKind.Lecture).Rate), await CreditsAsync(admin, l[0]));
    }

    [Fact]
    public async Task Rating_OfAPlannedLecture_NotFound_OfAGivenOne_TheUnitsSatisfactionVote()
    {
        // 年底由单位全体同志对领导干部上课情况进行评议 (seed 004): once given, through the shared satisfaction vote.
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var planned = await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[0], "党的创新理论", OrgToday.Value))).ReadAsync<TheoryLectureView>();
        var request = new SatisfactionRequest(SurveyTargetKind.TheoryLecture, planned.Id, SurveyAccess.AccessCodes);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJsonAsync("/api/v1/surveys/satisfaction", request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(OrgToday.Value, planned.Version, 2))).StatusCode);
        var created = await (await admin.PostJsonAsync("/api/v1/surveys/satisfaction", request)).ReadAsync<CreatedSatisfaction>();
        Assert.Equal((branch, SurveyTargetKind.TheoryLecture, planned.Id), (created.Survey.OrganizationId, created.Survey.TargetKind!.Value, created.Survey.TargetId!.Value));
        Assert.Contains("党的创新理论", created.Survey.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ForSomeoneNotOfTheTeam_OrWithoutATopic_Is400_AndNothingSaved()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 1);

        Assert.Equal(["personId"], (await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, t.PersonOfA, "题目", OrgToday.Value))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["topic"], (await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[0], " ", OrgToday.Value))).ProblemErrorsAsync()).Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.TheoryLectures.CountAsync(x => x.OrganizationId == branch)));
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsLectures_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var orgAdminB = await app.ClientForAsync(Demo.OrgAdminB);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var planned = await (await admin.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[0], "党史学习", OrgToday.Value))).ReadAsync<TheoryLectureView>();

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync(Route, new PlanTheoryLectureRequest(branch, l[0], "越权", OrgToday.Value))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync($"{Route}/{planned.Id}/given", new MarkLectureGivenRequest(OrgToday.Value, planned.Version, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}?organizationId={branch}")).StatusCode);
        var stored = await app.WithDbAsync(db => db.TheoryLectures.Where(x => x.OrganizationId == branch).Select(x => x.Status).ToListAsync());
        Assert.Equal([TheoryLectureStatus.Planned], stored);
        Assert.Equal((TheoryLectureStatus.Planned, 0), await StoredAsync(planned.Id));

        var listB = await (await orgAdminB.GetAsync($"{Route}?organizationId={t.B}")).ReadAsync<TheoryLecturesView>();
        Assert.DoesNotContain(listB.Without, c => c.PersonId == l[0]);
        Assert.DoesNotContain(listB.Lectures, x => x.Id == planned.Id);
    }

    private async Task<(TheoryLectureStatus Status, int Records)> StoredAsync(int lecture) =>
        await app.WithDbAsync(async db => (
            await db.TheoryLectures.Where(x => x.Id == lecture).Select(x => x.Status).SingleAsync(),
            await db.StudyRecords.CountAsync(r => r.TheoryLectureId == lecture)));

    private static async Task<decimal> CreditsAsync(HttpClient client, int person) =>
        (await (await client.GetAsync($"{StudyComplianceEndpoints.Route}/person/{person}")).ReadAsync<StudyComplianceRow>()).Credits;

    private static async Task<int[]> WithoutAsync(HttpClient client, int branch, int year) =>
        [.. (await (await client.GetAsync($"{Route}?organizationId={branch}&year={year}")).ReadAsync<TheoryLecturesView>()).Without.Select(c => c.PersonId).Order()];
}

[Collection(SqliteCollection.Name)]
public sealed class TheoryLectureSqliteTests(SqliteApp app) : TheoryLectureTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TheoryLecturePostgresTests(PostgresApp app) : TheoryLectureTests(app);
