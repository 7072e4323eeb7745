using System.Net;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Awards;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.DemocraticLife;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Exports;

/// <summary>
/// RPT-2 over HTTP on a real database: the lists that had no Excel export (surveys, democratic life meetings, the audit
/// log, accounts, commitment campaigns, award selections) export what the filtered list holds, every page, under the list's own permission and scope. Each test
/// makes records of its own and filters by them, so neither the demo nor other tests decide what a file holds.
/// </summary>
public abstract class ListExportTests(AppFixture app)
{
    [Fact]
    public async Task Surveys_ExportHoldsTheFilteredList_NotWhatTheFilterExcludes_AndTownshipBIsRefused()
    {
        var t = await app.TownshipsAsync();
        var (org, other) = (await app.NewOrganizationAsync(t.A), await app.NewOrganizationAsync(t.A));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var title = Demo.UniqueCode("导出问卷");
        var elsewhere = Demo.UniqueCode("别处问卷");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/surveys", new SurveyRequest(org, title, "说明", SurveyAccess.AccessCodes, 50, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/surveys", new SurveyRequest(other, elsewhere, "说明", SurveyAccess.AccessCodes, null, null))).StatusCode);

        var rows = await (await admin.GetAsync($"/api/v1/surveys/export?organizationId={org}")).RowsAsync();
        var row = Assert.Single(rows);
        Assert.Equal((title, "草稿", "50"), (row["标题"], row["状态"], row["份数上限"]));
        Assert.DoesNotContain(rows, r => r["标题"] == elsewhere);

        // The status and title filters hold too: a draft is not among the open ones, a search names one survey.
        Assert.Empty(await (await admin.GetAsync($"/api/v1/surveys/export?organizationId={org}&status=Open")).RowsAsync());
        Assert.Equal([elsewhere], (await (await admin.GetAsync($"/api/v1/surveys/export?search={Uri.EscapeDataString(elsewhere)}")).RowsAsync()).Select(r => r["标题"]));

        // English headers for an English reader; township B's admin gets nothing of township A.
        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/surveys/export?organizationId={org}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("Title", await (await admin.SendAsync(english)).HeadersAsync());
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"/api/v1/surveys/export?organizationId={org}")).StatusCode);
        Assert.DoesNotContain(await (await adminB.GetAsync($"/api/v1/surveys/export?search={Uri.EscapeDataString(title)}")).RowsAsync(), r => r["标题"] == title);
    }

    [Fact]
    public async Task DemocraticLife_ExportHoldsTheOrganizationsMeetingsOfTheYear_AndTownshipBIsRefused()
    {
        var branch = await app.DlmBranchAsync();
        var neighbour = await app.DlmBranchAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var year = DlmSetup.Today.Year - 1;
        var meeting = (await admin.CreateMeetingAsync(branch, year)).Meeting;
        var earlier = (await admin.CreateMeetingAsync(branch, year - 1)).Meeting;
        var theirs = (await admin.CreateMeetingAsync(neighbour, year)).Meeting;

        var rows = await (await admin.GetAsync($"{DlmSetup.Route}/export?organizationId={branch.OrgId}&year={year}")).RowsAsync();
        var row = Assert.Single(rows);
        Assert.Equal((meeting.Theme, branch.Name), (row["主题"], row["党组织"]));
        Assert.DoesNotContain(rows, r => r["主题"] == earlier.Theme || r["主题"] == theirs.Theme);
        Assert.Equal(2, (await (await admin.GetAsync($"{DlmSetup.Route}/export?organizationId={branch.OrgId}")).RowsAsync()).Count);

        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{DlmSetup.Route}/export?organizationId={branch.OrgId}")).StatusCode);
    }

    [Fact]
    public async Task AuditLog_ExportHoldsTheEntriesOfTheRecordTypeAndActor_AndATownshipAdminIsRefused()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var code = Demo.UniqueCode("AUD");
        var created = await (await admin.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(code, "审计导出支部" + code, OrganizationKind.Branch, t.A))).ReadAsync<OrganizationDetail>();
        var id = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var district = await app.ClientForAsync(Demo.DistrictAdmin);

        var rows = await (await district.GetAsync($"/api/v1/audit/export?entityType=Organization&actor={Demo.OrgAdminA}")).RowsAsync();
        var row = Assert.Single(rows.Where("记录编号", id), r => r["动作"] == "新建");
        Assert.Equal(Demo.OrgAdminA, row["操作人"]);
        Assert.Contains(code, row["变更后"], StringComparison.Ordinal);
        Assert.DoesNotContain(await (await district.GetAsync($"/api/v1/audit/export?entityType=Survey&actor={Demo.OrgAdminA}")).RowsAsync(), r => r["记录编号"] == id);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync("/api/v1/audit/export?entityType=Organization")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit/export")).StatusCode);
    }

    [Fact]
    public async Task Accounts_ExportHoldsTheAccountsTheCallerManages_NeverATokenOrPassword_AndTownshipBSeesNoneOfA()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var userName = Demo.UniqueCode("exp.").ToLowerInvariant();
        var password = "pw" + Guid.NewGuid().ToString("N")[..12] + "7q";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/accounts",
            new CreateAccountRequest(userName, "导出测试", password, null, [new GrantRequest(AccountRole.Member, org)]))).StatusCode);

        var response = await admin.GetAsync("/api/v1/accounts/export");
        var rows = await response.RowsAsync();
        var row = Assert.Single(rows.Where("用户名", userName));
        Assert.Equal("导出测试", row["姓名（显示名）"]);
        Assert.Contains("测试支部", row["角色"], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v.Contains(password, StringComparison.Ordinal)));

        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.DoesNotContain(await (await adminB.GetAsync("/api/v1/accounts/export")).RowsAsync(), r => r["用户名"] == userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.Member)).GetAsync("/api/v1/accounts/export")).StatusCode);
    }

    [Fact]
    public async Task CommitmentCampaigns_ExportHoldsTheOrganizationsCampaigns_AndTownshipBIsRefused()
    {
        var t = await app.TownshipsAsync();
        var (org, other) = (await app.NewOrganizationAsync(t.A), await app.NewOrganizationAsync(t.A));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var year = OrgToday.Value.Year;
        var (title, elsewhere) = (Demo.UniqueCode("导出承诺"), Demo.UniqueCode("别处承诺"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/commitments", new CreateCommitmentCampaignRequest(org, year, title, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/commitments", new CreateCommitmentCampaignRequest(other, year, elsewhere, null))).StatusCode);

        var rows = await (await admin.GetAsync($"/api/v1/commitments/export?organizationId={org}&year={year}")).RowsAsync();
        // The list of an organization also holds the campaigns of those above it; never a sibling's.
        Assert.Single(rows.Where("活动名称", title));
        Assert.Empty(rows.Where("活动名称", elsewhere));
        Assert.Empty((await (await admin.GetAsync($"/api/v1/commitments/export?organizationId={org}&year={year - 1}")).RowsAsync()).Where("活动名称", title));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"/api/v1/commitments/export?organizationId={org}")).StatusCode);
    }

    [Fact]
    public async Task AwardSelections_ExportHoldsWhatTheSearchFinds_AndTownshipBIsRefused()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A, OrganizationKind.GeneralBranch);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (title, elsewhere) = (Demo.UniqueCode("导出评优"), Demo.UniqueCode("别的评优"));
        var year = OrgToday.Value.Year - 1;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/awards", new OpenSelectionRequest(org, year, title, 1, 2, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/awards", new OpenSelectionRequest(org, year, elsewhere, 1, 2, 0))).StatusCode);

        var rows = await (await admin.GetAsync($"/api/v1/awards/export?search={Uri.EscapeDataString(title)}")).RowsAsync();
        Assert.Equal([title], rows.Select(r => r["名称"]));
        Assert.Equal(2, (await (await admin.GetAsync($"/api/v1/awards/export?organizationId={org}")).RowsAsync()).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"/api/v1/awards/export?organizationId={org}")).StatusCode);
    }

    [Fact]
    public async Task AllPages_ReadsEveryPageOfAList_NotOnlyTheFirst()
    {
        var all = Enumerable.Range(1, 450).ToList();
        var asked = new List<int>();
        var rows = await ListSheet.AllPagesAsync((page, size) =>
        {
            asked.Add(page);
            return Task.FromResult(new Paged<int>([.. all.Skip((page - 1) * size).Take(size)], all.Count, page, size));
        });
        Assert.Equal(all, rows);
        Assert.Equal([1, 2, 3], asked);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ListExportSqliteTests(SqliteApp app) : ListExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ListExportPostgresTests(PostgresApp app) : ListExportTests(app);
