using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Meetings.Compliance;

/// <summary>The 三会一课 pages as the server prerenders them: the dashboard within the caller's subtree, filters, the drill-down and refusal.</summary>
public abstract partial class CompliancePageTests(AppFixture app)
{
    [Fact]
    public async Task Dashboard_ShowsTheCallersTownshipOnly_WithChartExportAndMenuLink()
    {
        var t = await app.TownshipsAsync();
        var (townshipA, townshipB) = await app.WithDbAsync(async db => (
            await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Name).FirstAsync(),
            await db.Organizations.Where(o => o.Id == t.B).Select(o => o.Name).FirstAsync()));

        var html = await PageAsync(Demo.OrgAdminA, "/meetings/compliance");

        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains("三会一课落实情况", html, StringComparison.Ordinal);
        Assert.Contains(townshipA, html, StringComparison.Ordinal);
        Assert.DoesNotContain(townshipB, html, StringComparison.Ordinal);
        Assert.Contains("data-share=\"CommitteeMeeting\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"api/v1/meetings/compliance.xlsx\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"meetings/compliance\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Filters_FromTheAddress_ReachTheRowsAndTheExport()
    {
        var html = await PageAsync(Demo.DistrictAdmin, "/meetings/compliance?type=PartyLecture&overdueOnly=true");

        var states = StateChip().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal(nameof(ComplianceState.Overdue), s));
        Assert.DoesNotContain(">支委会（党委会）</td>", html, StringComparison.Ordinal);
        Assert.Contains("api/v1/meetings/compliance.xlsx?type=PartyLecture&overdueOnly=true", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillDown_ShowsThePeriodGrid()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        await app.NewMeetingAsync(org, new DateOnly(2026, 2, 3), MeetingType.MembersAssembly, title: "一季度党员大会");

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/compliance/{org}?year=2026");

        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains("data-type=\"MembersAssembly\"", html, StringComparison.Ordinal);
        Assert.Contains("data-period=\"1\" data-state=\"Held\"", html, StringComparison.Ordinal);
        Assert.Contains("第1季度", html, StringComparison.Ordinal);
        Assert.Contains("一季度党员大会", html, StringComparison.Ordinal);
        Assert.Equal(12, Regex.Count(html, "<div class=\"period [A-Za-z]+\" role=\"listitem\" data-period=\"\\d+\" data-state=\"[A-Za-z]+\"[^>]*>\\s*<div class=\"label\">\\d+月"));
    }

    [Fact]
    public async Task DrillDown_IntoTownshipB_IsRefusedToOrgAdminA()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfB).Select(o => o.Name).FirstAsync());

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/compliance/{t.BranchOfB}");

        Assert.Contains("data-refused", html, StringComparison.Ordinal);
        Assert.DoesNotContain(branch, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-period", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-state=\"([A-Za-z]+)\"")]
    private static partial Regex StateChip();

    private async Task<string> PageAsync(string userName, string path)
    {
        var client = await app.SignInAsync(userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CompliancePageSqliteTests(SqliteApp app) : CompliancePageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CompliancePagePostgresTests(PostgresApp app) : CompliancePageTests(app);
