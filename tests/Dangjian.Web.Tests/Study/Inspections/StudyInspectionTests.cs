using System.Net;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Study.Inspections;

/// <summary>
/// 调阅 (STU-4) over HTTP on a real database: the superior (township A) records an inspection of a branch's leaders with a
/// finding per person, which takes them off the "not inspected" list of that quarter only; bad rows change nothing; the
/// branch itself and township B cannot record it.
/// </summary>
public abstract class StudyInspectionTests(AppFixture app)
{
    private const string Route = StudyInspectionEndpoints.Route;

    [Fact]
    public async Task Inspection_TakesTheInspectedOffThisQuartersList_NotOffTheQuarterBefore_TheOthersStay()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, leaders) = await app.NewBranchWithLeadersAsync(t.A, 3);
        var today = OrgToday.Value;

        var recorded = await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Notes, today, "镇党委组织委员",
            [new(leaders[0], true, null), new(leaders[1], false, "笔记内容过少")]));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var view = await recorded.ReadAsync<StudyInspectionView>();
        Assert.Equal((t.A, 2), (view.InspectorOrganizationId, view.Findings.Count));

        var list = await (await admin.GetAsync($"{Route}?organizationId={t.A}&kind=Notes")).ReadAsync<StudyInspectionsView>();
        var mine = list.NotInspected.Where(p => leaders.Contains(p.PersonId)).Select(p => p.PersonId).ToList();
        Assert.Equal([leaders[2]], mine);
        Assert.Contains(list.Inspections, i => i.Id == view.Id);

        // The day before the quarter began belongs to the quarter before: nobody of the branch was inspected then.
        var before = await (await admin.GetAsync($"{Route}?organizationId={t.A}&kind=Notes&day={list.PeriodStart.AddDays(-1):yyyy-MM-dd}")).ReadAsync<StudyInspectionsView>();
        Assert.Equal(leaders, before.NotInspected.Where(p => leaders.Contains(p.PersonId)).Select(p => p.PersonId).Order());

        // A notes inspection is not a review of reflections.
        var reflections = await (await admin.GetAsync($"{Route}?organizationId={t.A}&kind=Reflections")).ReadAsync<StudyInspectionsView>();
        Assert.Equal(leaders, reflections.NotInspected.Where(p => leaders.Contains(p.PersonId)).Select(p => p.PersonId).Order());
    }

    [Fact]
    public async Task Inspection_HeldToday_Taken_HeldTomorrow_Is400OnDate_AndNothingSaved()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, leaders) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var today = OrgToday.Value;

        var tomorrow = await (await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Reflections, today.AddDays(1), "镇党委", [new(leaders[0], true, null)]))).ProblemErrorsAsync();
        Assert.Equal(["date"], tomorrow.Keys);
        Assert.Equal(0, await CountAsync(branch));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Reflections, today, "镇党委", [new(leaders[0], true, null)]))).StatusCode);
        Assert.Equal(1, await CountAsync(branch));
    }

    [Fact]
    public async Task Inspection_WithABadRow_Is400NamingTheRow_AndNothingSaved()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, leaders) = await app.NewBranchWithLeadersAsync(t.A, 2);
        var today = OrgToday.Value;

        var unsatisfiedWithoutWhy = await (await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Notes, today, "镇党委",
            [new(leaders[0], true, null), new(leaders[1], false, " ")]))).ProblemErrorsAsync();
        Assert.Equal(["findings[1].text"], unsatisfiedWithoutWhy.Keys);
        Assert.Contains("第 2 行", unsatisfiedWithoutWhy["findings[1].text"][0], StringComparison.Ordinal);

        var notOfTheBranch = await (await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Notes, today, "镇党委",
            [new(t.PersonOfA, true, null)]))).ProblemErrorsAsync();
        Assert.Equal(["findings[0].personId"], notOfTheBranch.Keys);

        var twice = await (await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Notes, today, "镇党委",
            [new(leaders[0], true, null), new(leaders[0], true, null)]))).ProblemErrorsAsync();
        Assert.Equal(["findings[1].personId"], twice.Keys);

        var none = await (await admin.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Notes, today, "镇党委", []))).ProblemErrorsAsync();
        Assert.Equal(["findings"], none.Keys);
        Assert.Equal(0, await CountAsync(branch));
    }

    [Fact]
    public async Task TheBranchItselfAndTownshipB_AreRefused_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var secretarysBranch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var orgAdminB = await app.ClientForAsync(Demo.OrgAdminB);
        var (branch, leaders) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var today = OrgToday.Value;

        // 上级组织调阅: a branch does not inspect itself.
        var own = await secretary.PostJsonAsync(Route, new RecordStudyInspectionRequest(secretarysBranch, StudyInspectionKind.Notes, today, "自己", []));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync(Route, new RecordStudyInspectionRequest(branch, StudyInspectionKind.Notes, today, "乙镇", [new(leaders[0], true, null)]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}?organizationId={t.A}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}/people?organizationId={branch}")).StatusCode);
        Assert.Equal(0, await CountAsync(branch));

        // Township B's own list does not show township A's leaders.
        var listB = await (await orgAdminB.GetAsync($"{Route}?organizationId={t.B}")).ReadAsync<StudyInspectionsView>();
        Assert.DoesNotContain(listB.NotInspected, p => leaders.Contains(p.PersonId));
    }

    private Task<int> CountAsync(int branch) => app.WithDbAsync(db => db.StudyInspections.CountAsync(i => i.OrganizationId == branch));
}

[Collection(SqliteCollection.Name)]
public sealed class StudyInspectionSqliteTests(SqliteApp app) : StudyInspectionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StudyInspectionPostgresTests(PostgresApp app) : StudyInspectionTests(app);
