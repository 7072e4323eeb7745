using System.Net;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Services;
using Dangjian.Domain.Supervision;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Tests.Cadres;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Organizations;

/// <summary>ORG-1: merging organization B into A through /api/v1/organizations/{id}/merge, on each database.</summary>
public abstract class OrganizationMergeApiTests(AppFixture app)
{
    /// <summary>Two new branches of township A; B with a person, a party group, a unit, an open need and an open notice to a cadre.</summary>
    private async Task<(int A, int B, int Person, int Group, int Unit, int Request, int Notice)> TwoBranchesAsync()
    {
        var t = await app.TownshipsAsync();
        var a = await app.NewOrganizationAsync(t.A);
        var b = await app.NewOrganizationAsync(t.A);
        var person = await app.NewPersonAsync(b, "合并党员");
        var group = await app.NewOrganizationAsync(b, OrganizationKind.PartyGroup);
        var ids = await app.WithDbAsync(async db =>
        {
            var unit = new Unit { Name = "合并测试单位" + Demo.UniqueCode(""), Kind = UnitKind.Enterprise, AreaOrganizationId = t.A, OrganizationId = b, Headcount = 12 };
            var need = ServiceRequest.Raise(b, t.A, ServiceKind.Funds, "活动场所修缮", "需要经费", OrgToday.Value, OrgToday.Value, HolidayCalendar.Shipped, ServiceLimits.Defaults, "书记", DateTimeOffset.UtcNow);
            var notice = RectificationNotice.Issue(b, NoticeTargetKind.Cadre, person, "作风不实", "群众反映", OrgToday.Value.AddDays(30), "纪委", OrgToday.Value, OrgToday.Value);
            db.Units.Add(unit);
            db.ServiceRequests.Add(need);
            db.RectificationNotices.Add(notice);
            await db.SaveChangesAsync();
            return (unit.Id, need.Id, notice.Id);
        });
        return (a, b, person, group, ids.Item1, ids.Item2, ids.Item3);
    }

    private static async Task<OrganizationDetail> GetAsync(HttpClient client, int id) =>
        await (await client.GetAsync($"/api/v1/organizations/{id}")).ReadAsync<OrganizationDetail>();

    [Fact]
    public async Task Merge_MovesRollSubOrganizationsUnitsAndOpenRecords_AndDissolvesBMergedIntoA()
    {
        var (a, b, person, group, unit, request, notice) = await TwoBranchesAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var preview = await (await client.GetAsync($"/api/v1/organizations/{b}/merge-preview?intoId={a}")).ReadAsync<MergePreview>();
        Assert.Null(preview.Refusal);
        Assert.Equal((1, 1, 1, 1, 1), (preview.People, preview.SubOrganizations, preview.Units, preview.ServiceRequests, preview.RectificationNotices));

        var fromB = await GetAsync(client, b);
        var merged = await (await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(a, null, fromB.Version))).ReadAsync<OrganizationDetail>();

        Assert.Equal(OrganizationStatus.Dissolved, merged.Status);
        Assert.Equal(OrgToday.Value, merged.DissolvedOn);
        Assert.Equal(a, merged.MergedInto?.Id);
        Assert.Contains((await GetAsync(client, a)).MergedFrom, m => m.Id == b);
        var moved = await app.WithDbAsync(async db => (
            await db.People.Where(p => p.Id == person).Select(p => p.OrganizationId).FirstAsync(),
            await db.Organizations.Where(o => o.Id == group).Select(o => new { o.ParentId, o.Path }).FirstAsync(),
            await db.Units.Where(u => u.Id == unit).Select(u => u.OrganizationId).FirstAsync(),
            await db.ServiceRequests.Where(r => r.Id == request).Select(r => r.OrganizationId).FirstAsync(),
            await db.RectificationNotices.Where(n => n.Id == notice).Select(n => n.OrganizationId).FirstAsync()));
        Assert.Equal(a, moved.Item1);
        Assert.Equal(a, moved.Item2.ParentId);
        Assert.EndsWith($"/{a}/{group}/", moved.Item2.Path, StringComparison.Ordinal);
        Assert.Equal(a, moved.Item3);
        Assert.Equal(a, moved.Item4);
        Assert.Equal(a, moved.Item5);
    }

    [Fact]
    public async Task Merge_IsOneAuditedAction_OverEveryRowItMoved()
    {
        var (a, b, person, _, unit, _, _) = await TwoBranchesAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var fromB = await GetAsync(client, b);
        (await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(a, null, fromB.Version))).EnsureSuccessStatusCode();

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "Organization.Merged")
            .Select(e => new { e.EntityType, e.EntityId, e.Actor }).ToListAsync());
        Assert.Contains(entries, e => e.EntityType == "Organization" && e.EntityId == b.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Actor == Demo.OrgAdminA);
        Assert.Contains(entries, e => e.EntityType == "Person" && e.EntityId == person.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(entries, e => e.EntityType == "Unit" && e.EntityId == unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var history = await (await client.GetAsync($"/api/v1/organizations/{b}/history")).ReadAsync<List<Dangjian.Web.Features.Audit.HistoryEntry>>();
        Assert.Contains(history, h => h.Action == "Organization.Merged");
    }

    [Fact]
    public async Task Merge_WithAMeetingNotYetHeld_IsRefusedNamingIt_AndChangesNothing()
    {
        var (a, b, person, _, _, _, _) = await TwoBranchesAsync();
        await app.NewMeetingAsync(b, OrgToday.Value.AddDays(7), status: MeetingStatus.Planned);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var preview = await (await client.GetAsync($"/api/v1/organizations/{b}/merge-preview?intoId={a}")).ReadAsync<MergePreview>();
        Assert.Equal(1, preview.Blockers.Meetings);
        Assert.Equal("Org.MergeBlocked", preview.Refusal);

        var fromB = await GetAsync(client, b);
        var refused = await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(a, null, fromB.Version));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id", (await refused.ProblemErrorsAsync()).Keys);
        Assert.Equal(OrganizationStatus.Active, (await GetAsync(client, b)).Status);
        Assert.Equal(b, await app.WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.OrganizationId).FirstAsync()));
    }

    [Fact]
    public async Task Merge_BranchIntoTownship_IsRefusedAsAnotherLevel_TargetMissingNamesTheField()
    {
        var t = await app.TownshipsAsync();
        var b = await app.NewOrganizationAsync(t.A);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var fromB = await GetAsync(client, b);
        var sibling = await app.NewOrganizationAsync(t.A, OrganizationKind.GeneralBranch);

        var levels = await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(sibling, null, fromB.Version));
        Assert.Contains("intoId", (await levels.ProblemErrorsAsync()).Keys);
        var missing = await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(null, null, fromB.Version));
        Assert.Contains("intoId", (await missing.ProblemErrorsAsync()).Keys);
        var tomorrow = await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(await app.NewOrganizationAsync(t.A), OrgToday.Value.AddDays(1), fromB.Version));
        Assert.Contains("on", (await tomorrow.ProblemErrorsAsync()).Keys);
        Assert.Equal(OrganizationStatus.Active, (await GetAsync(client, b)).Status);
    }

    [Fact]
    public async Task Merge_IntoAnotherTownshipsBranch_IsRefusedByScope_AndChangesNothing()
    {
        var t = await app.TownshipsAsync();
        var b = await app.NewOrganizationAsync(t.A);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var fromB = await GetAsync(client, b);

        var foreignTarget = await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(t.BranchOfB, null, fromB.Version));
        Assert.Equal(HttpStatusCode.Forbidden, foreignTarget.StatusCode);
        var otherAdmin = await app.ClientForAsync(Demo.OrgAdminB);
        var foreignSource = await otherAdmin.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(t.BranchOfB, null, fromB.Version));
        Assert.Equal(HttpStatusCode.Forbidden, foreignSource.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync($"/api/v1/organizations/{b}/merge-preview?intoId={t.BranchOfB}")).StatusCode);
        Assert.Equal(OrganizationStatus.Active, (await GetAsync(client, b)).Status);
    }

    [Fact]
    public async Task Merge_WithAStaleVersion_GetsConflict()
    {
        var t = await app.TownshipsAsync();
        var a = await app.NewOrganizationAsync(t.A);
        var b = await app.NewOrganizationAsync(t.A);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var fromB = await GetAsync(client, b);
        (await client.PutJsonAsync($"/api/v1/organizations/{b}", new UpdateOrganizationRequest(fromB.Code, "改名后的支部", null, fromB.Version))).EnsureSuccessStatusCode();

        var stale = await client.PostJsonAsync($"/api/v1/organizations/{b}/merge", new MergeOrganizationRequest(a, null, fromB.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(OrganizationStatus.Active, (await GetAsync(client, b)).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganizationMergeApiSqliteTests(SqliteApp app) : OrganizationMergeApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OrganizationMergeApiPostgresTests(PostgresApp app) : OrganizationMergeApiTests(app);
