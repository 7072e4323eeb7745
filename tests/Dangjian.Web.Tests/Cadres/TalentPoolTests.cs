using System.Net;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Cadres.Talent;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Cadres;

/// <summary>The party-affairs talent pool (CAD-2) over HTTP: entry, search by skill, editing, taking out, export, scope.</summary>
public abstract class TalentPoolTests(AppFixture app)
{
    private const string Route = TalentEndpoints.Route;

    private static EnterTalentRequest Enter(int org, int person, string[] skills, TalentAvailability availability = TalentAvailability.Available) =>
        new(org, person, TalentCategory.Specialist, skills, ["党办主任"], availability, new DateOnly(2024, 1, 1), null);

    [Fact]
    public async Task SearchBySkill_NeedsEverySkillNamed_CaseAside_TheAvailableFirst_ExportFollows()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var (a, b, c) = (await app.NewPersonAsync(org, "人才甲"), await app.NewPersonAsync(org, "人才乙"), await app.NewPersonAsync(org, "人才丙"));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, a, ["组织工作", "Excel"], TalentAvailability.Limited))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, b, ["excel", "组织工作", "宣传"]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, c, ["宣传"]))).StatusCode);

        var both = await (await admin.GetAsync($"{Route}?organizationId={org}&skills=EXCEL,组织工作")).ReadAsync<TalentListView>();
        Assert.Equal([b, a], both.Entries.Items.Select(e => e.PersonId));
        var one = await (await admin.GetAsync($"{Route}?organizationId={org}&skills=宣传&category=Specialist")).ReadAsync<TalentListView>();
        Assert.Equal([b, c], one.Entries.Items.Select(e => e.PersonId).Order());

        var export = await admin.GetAsync($"{Route}/export?organizationId={org}&skills=宣传");
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("专业型", r["人才类别"]));
    }

    [Fact]
    public async Task Update_AndLeave_ChangeTheEntry_BadInputAndStaleVersionRefused()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await app.NewPersonAsync(org, "人才丁");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var noSkill = await (await admin.PostJsonAsync(Route, Enter(org, person, [" "]))).ProblemErrorsAsync();
        var repeat = await (await admin.PostJsonAsync(Route, Enter(org, person, ["宣传", "宣传 "]))).ProblemErrorsAsync();
        Assert.Equal(["skills", "skills[1]"], [.. new[] { noSkill, repeat }.Select(e => string.Join(",", e.Keys))]);
        Assert.Equal(0, await app.WithDbAsync(db => db.TalentPoolEntries.CountAsync(e => e.PersonId == person)));

        var e = await (await admin.PostJsonAsync(Route, Enter(org, person, ["宣传"]))).ReadAsync<TalentRow>();
        var updated = await (await admin.PutJsonAsync($"{Route}/{e.Id}", new UpdateTalentRequest(e.Version, TalentCategory.Versatile, ["宣传", "党建"], ["党支部书记"], TalentAvailability.Unavailable))).ReadAsync<TalentRow>();
        Assert.Equal((TalentCategory.Versatile, TalentAvailability.Unavailable), (updated.Category, updated.Availability));
        Assert.Equal(["宣传", "党建"], updated.Skills);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutJsonAsync($"{Route}/{e.Id}", new UpdateTalentRequest(e.Version, TalentCategory.Specialist, ["宣传"], [], TalentAvailability.Available))).StatusCode);

        var left = await (await admin.PostJsonAsync($"{Route}/{e.Id}/leave", new LeavePoolRequest(updated.Version, new DateOnly(2024, 6, 1), "调离党务岗位"))).ReadAsync<TalentRow>();
        Assert.Equal(new DateOnly(2024, 6, 1), left.LeftOn);
        var closed = await (await admin.PutJsonAsync($"{Route}/{e.Id}", new UpdateTalentRequest(left.Version, TalentCategory.Specialist, ["宣传"], [], TalentAvailability.Available))).ProblemErrorsAsync();
        Assert.Equal(["leftOn"], closed.Keys);
        var inPool = await (await admin.GetAsync($"{Route}?organizationId={org}")).ReadAsync<TalentListView>();
        var outPool = await (await admin.GetAsync($"{Route}?organizationId={org}&status=Out")).ReadAsync<TalentListView>();
        Assert.Empty(inPool.Entries.Items);
        Assert.Equal([e.Id], outPool.Entries.Items.Select(x => x.Id));
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsTalents_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var orgB = await app.NewOrganizationAsync(t.B);
        var personB = await app.NewPersonAsync(orgB, "乙镇人才");
        var e = await (await (await app.ClientForAsync(Demo.OrgAdminB)).PostJsonAsync(Route, Enter(orgB, personB, ["宣传"]))).ReadAsync<TalentRow>();
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/{e.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/export?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PutJsonAsync($"{Route}/{e.Id}", new UpdateTalentRequest(e.Version, TalentCategory.Versatile, ["越权"], [], TalentAvailability.Available))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/{e.Id}/leave", new LeavePoolRequest(e.Version, OrgToday.Value, "越权"))).StatusCode);
        var stored = await app.WithDbAsync(db => db.TalentPoolEntries.AsNoTracking().FirstAsync(x => x.Id == e.Id));
        Assert.Equal((TalentCategory.Specialist, (DateOnly?)null), (stored.Category, stored.LeftOn));
        var own = await (await adminA.GetAsync($"{Route}?organizationId={t.A}&status=All&pageSize=200&search=乙镇人才")).ReadAsync<TalentListView>();
        Assert.Empty(own.Entries.Items);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TalentPoolSqliteTests(SqliteApp app) : TalentPoolTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TalentPoolPostgresTests(PostgresApp app) : TalentPoolTests(app);
