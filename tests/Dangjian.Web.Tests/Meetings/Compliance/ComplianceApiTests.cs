using System.Net;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Compliance;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Meetings.Compliance;

/// <summary>MTG-9 through /api/v1/meetings/compliance on each database: the grid, the boundaries, scope, filters and export.</summary>
public abstract class ComplianceApiTests(AppFixture app)
{
    private const string AsOf = "2026-11-23";

    [Fact]
    public async Task OrganizationGrid_ShowsHeldOverdueAndDue_CountingOnlyHeldMeetings()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        await app.NewMeetingAsync(org, new DateOnly(2026, 2, 10), MeetingType.MembersAssembly);
        await app.NewMeetingAsync(org, new DateOnly(2026, 5, 5), MeetingType.MembersAssembly, MeetingStatus.InProgress);
        await app.NewMeetingAsync(org, new DateOnly(2026, 8, 1), MeetingType.MembersAssembly, MeetingStatus.Planned);
        foreach (var month in Enumerable.Range(1, 10).Where(m => m != 3))
        {
            await app.NewMeetingAsync(org, new DateOnly(2026, month, 15));
        }

        await app.NewMeetingAsync(org, new DateOnly(2026, 11, 20), status: MeetingStatus.Cancelled);
        await app.NewMeetingAsync(org, new DateOnly(2024, 6, 1), MeetingType.PartyLecture);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var grid = await (await client.GetAsync($"/api/v1/meetings/compliance/{org}?year=2026&asOf={AsOf}")).ReadAsync<OrganizationCompliance>();

        Assert.Equal([MeetingType.MembersAssembly, MeetingType.CommitteeMeeting, MeetingType.PartyLecture], grid.Types.Select(x => x.Type));
        var assembly = grid.Types[0];
        Assert.Equal([PeriodState.Held, PeriodState.Held, PeriodState.Overdue, PeriodState.Due], assembly.Periods.Select(p => p.State));
        Assert.Equal((2, 1, ComplianceState.Overdue), (assembly.HeldThisYear, assembly.OverdueCount, assembly.State));
        Assert.Equal((new DateOnly(2026, 5, 5), new DateOnly(2026, 12, 31)), (assembly.LastHeld, assembly.NextDue));

        var committee = grid.Types[1];
        Assert.Equal(PeriodState.Overdue, committee.Periods[2].State);
        Assert.Equal(PeriodState.Due, committee.Periods[10].State);
        Assert.Equal(PeriodState.Upcoming, committee.Periods[11].State);
        Assert.Equal((9, 1, new DateOnly(2026, 11, 30)), (committee.HeldThisYear, committee.OverdueCount, committee.NextDue));

        var lecture = grid.Types[2];
        Assert.Equal((0, 3, ComplianceState.Overdue), (lecture.HeldThisYear, lecture.OverdueCount, lecture.State));
        Assert.Equal(new DateOnly(2024, 6, 1), lecture.LastHeld);

        Assert.Contains(grid.Meetings, m => m.Status == MeetingStatus.Planned && !m.Counts);
        Assert.Contains(grid.Meetings, m => m.Status == MeetingStatus.InProgress && m.Counts);
    }

    [Theory]
    [InlineData("2026-06-30", ComplianceState.Due, PeriodState.Due)]
    [InlineData("2026-07-01", ComplianceState.Overdue, PeriodState.Overdue)]
    public async Task LastDayOfTheQuarter_IsDue_TheNextDayOverdue(string asOf, ComplianceState state, PeriodState secondQuarter)
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        await app.NewMeetingAsync(org, new DateOnly(2026, 1, 10), MeetingType.MembersAssembly);
        // On the first day of the third quarter: it counts for the third, never for the second.
        await app.NewMeetingAsync(org, new DateOnly(2026, 7, 1), MeetingType.MembersAssembly);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var grid = await (await client.GetAsync($"/api/v1/meetings/compliance/{org}?asOf={asOf}")).ReadAsync<OrganizationCompliance>();

        var assembly = grid.Types.Single(x => x.Type == MeetingType.MembersAssembly);
        Assert.Equal(2026, grid.Year);
        Assert.Equal(secondQuarter, assembly.Periods[1].State);
        Assert.Equal(state, assembly.State);
    }

    [Fact]
    public async Task Dashboard_ListsOnlyTheCallersSubtree()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var group = await app.NewOrganizationAsync(org, OrganizationKind.PartyGroup);

        var ofA = await AllRowsAsync(await app.ClientForAsync(Demo.OrgAdminA), string.Empty);
        var ofB = await AllRowsAsync(await app.ClientForAsync(Demo.OrgAdminB), string.Empty);

        Assert.All(ofA, r => Assert.Equal(t.A, r.TownshipId));
        Assert.All(ofB, r => Assert.Equal(t.B, r.TownshipId));
        Assert.Equal([MeetingType.CommitteeMeeting, MeetingType.MembersAssembly, MeetingType.PartyLecture], ofA.Where(r => r.OrganizationId == org).Select(r => r.Type).Order());
        Assert.Equal([MeetingType.GroupMeeting], ofA.Where(r => r.OrganizationId == group).Select(r => r.Type));
        Assert.DoesNotContain(ofB, r => r.OrganizationId == org || r.OrganizationId == group);
        Assert.DoesNotContain(ofA, r => r.Kind is not (OrganizationKind.Branch or OrganizationKind.PartyGroup));

        var overview = await (await (await app.ClientForAsync(Demo.OrgAdminA)).GetAsync($"/api/v1/meetings/compliance?asOf={AsOf}")).ReadAsync<ComplianceOverview>();
        Assert.Equal([t.A], overview.Townships.Select(x => x.Id));
    }

    [Fact]
    public async Task Filters_OverdueOnlyAndType_AndTheSharesAddUp()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.DistrictAdmin);

        var overdue = await AllRowsAsync(client, "&overdueOnly=true");
        var lectures = await AllRowsAsync(client, "&type=PartyLecture");
        var inA = await AllRowsAsync(client, $"&townshipId={t.A}");
        var overview = await (await client.GetAsync($"/api/v1/meetings/compliance?asOf={AsOf}&townshipId={t.A}")).ReadAsync<ComplianceOverview>();

        Assert.NotEmpty(overdue);
        Assert.All(overdue, r => Assert.Equal(ComplianceState.Overdue, r.State));
        Assert.All(lectures, r => Assert.Equal(MeetingType.PartyLecture, r.Type));
        Assert.All(inA, r => Assert.Equal(t.A, r.TownshipId));
        Assert.True(overview.Townships.Count > 1);
        foreach (var share in overview.Shares)
        {
            var rows = inA.Where(r => r.Type == share.Type).ToList();
            Assert.Equal(rows.Count, share.Organizations);
            Assert.Equal(rows.Count(r => r.State != ComplianceState.Overdue), share.UpToDate);
        }
    }

    [Fact]
    public async Task Export_HoldsTheFilteredRowsOfTheScope()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var rows = await AllRowsAsync(client, "&overdueOnly=true");
        var township = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Single(o => o.Id == t.A).Name));

        var response = await client.GetAsync($"/api/v1/meetings/compliance.xlsx?asOf={AsOf}&overdueOnly=true");

        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(rows.Count, sheet.Count);
        Assert.All(sheet, r => Assert.Equal(township, r["乡镇（街道）"]?.ToString()));
        Assert.All(sheet, r => Assert.Equal("逾期未开", r["状态"]?.ToString()));
    }

    [Fact]
    public async Task DrillDownIntoTownshipA_IsRefusedToOrgAdminB()
    {
        var t = await app.TownshipsAsync();
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/meetings/compliance/{t.BranchOfA}?asOf={AsOf}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/meetings/compliance/{t.A}")).StatusCode);
    }

    [Fact]
    public async Task BadPaging_IsRefusedNamingTheField()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var response = await client.GetAsync("/api/v1/meetings/compliance?pageSize=1000");
        Assert.Contains("pageSize", (await response.ProblemErrorsAsync()).Keys);
    }

    private static async Task<List<ComplianceRow>> AllRowsAsync(HttpClient client, string query)
    {
        var rows = new List<ComplianceRow>();
        for (var page = 1; ; page++)
        {
            var o = await (await client.GetAsync($"/api/v1/meetings/compliance?asOf={AsOf}&pageSize=200&page={page}{query}")).ReadAsync<ComplianceOverview>();
            rows.AddRange(o.Rows.Items);
            if (rows.Count >= o.Rows.Total || o.Rows.Items.Count == 0)
            {
                return rows;
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ComplianceApiSqliteTests(SqliteApp app) : ComplianceApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ComplianceApiPostgresTests(PostgresApp app) : ComplianceApiTests(app);
