using System.Net;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.ThemeEducation;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.ThemeEducation;

/// <summary>
/// 主题教育 (MTG-13) over HTTP on a real database: a campaign planned in draft (phases in order, activities due inside
/// their phase), launched, reported by organizations of its subtree and closed; completion over a subtree of the test's
/// own, the overdue boundary (the due day itself is on time, the day after is overdue), each refusal with nothing
/// stored, a stale version, township B kept from township A, the export and the pages. Each test makes its own
/// organizations, so the demo's campaign never decides what it reads.
/// </summary>
public abstract class ThemeEducationTests(AppFixture app)
{
    private const string Route = ThemeEducationEndpoints.Route;
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly DateOnly Due = new(2025, 3, 31);
    private static readonly DateOnly End = new(2025, 6, 30);

    /// <summary>A general branch of township A with two branches under it: the subtree the campaign covers.</summary>
    private async Task<(int Parent, int First, int Second)> SubtreeAsync(int township)
    {
        var parent = await app.NewOrganizationAsync(township, OrganizationKind.GeneralBranch);
        return (parent, await app.NewOrganizationAsync(parent), await app.NewOrganizationAsync(parent));
    }

    /// <summary>A draft over <paramref name="org"/>: 学习教育 in March with a branches' lecture due 31 March, 查摆问题 in April with a problem list.</summary>
    private static async Task<ThemeCampaignView> PlannedAsync(HttpClient client, int org, string title)
    {
        var c = await (await client.PostJsonAsync(Route, new CreateThemeCampaignRequest(org, title, "查问题、理思路、促整改", Start, End))).ReadAsync<ThemeCampaignView>();
        c = await (await client.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("查摆问题", new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30), c.Version))).ReadAsync<ThemeCampaignView>();
        c = await (await client.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("学习教育", Start, Due, c.Version))).ReadAsync<ThemeCampaignView>();
        var study = c.Phases[0].Id;
        c = await (await client.PostJsonAsync($"{Route}/{c.Id}/phases/{study}/activities",
            new AddRequiredActivityRequest(RequiredActivityKind.ThemedPartyLecture, "书记讲专题党课", Due, ThemeActivityLevels.Branches, c.Version))).ReadAsync<ThemeCampaignView>();
        var find = c.Phases[1].Id;
        return await (await client.PostJsonAsync($"{Route}/{c.Id}/phases/{find}/activities",
            new AddRequiredActivityRequest(RequiredActivityKind.ProblemList, "列出查摆问题清单", new DateOnly(2025, 4, 30), ThemeActivityLevels.Branches | ThemeActivityLevels.GeneralBranches, c.Version))).ReadAsync<ThemeCampaignView>();
    }

    private static ReportThemeActivityRequest Done(int org, DateOnly on, params string[] lines) => new(org, on, "已按要求完成", lines, null);

    [Fact]
    public async Task Campaign_PlannedLaunchedReportedClosed_PhasesInOrder_AndEveryChangeAudited()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, _) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var c = await PlannedAsync(admin, parent, "流程主题教育" + parent);
        Assert.Equal(["学习教育", "查摆问题"], c.Phases.Select(p => p.Name));
        Assert.Equal([1, 2], c.Phases.Select(p => p.Order));
        Assert.Equal((ThemeCampaignStatus.Draft, true), (c.Status, c.CanRun));

        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        Assert.Equal(ThemeCampaignStatus.Launched, c.Status);
        var lecture = c.Phases[0].Activities[0].Id;
        var report = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(first, new DateOnly(2025, 3, 20)))).ReadAsync<ThemeActivityReportView>();
        Assert.Equal((first, new DateOnly(2025, 3, 20)), (report.OrganizationId, report.DoneOn));

        // A second report corrects the first with its version; without it, it is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(first, new DateOnly(2025, 3, 21)))).StatusCode);
        var corrected = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports",
            new ReportThemeActivityRequest(first, new DateOnly(2025, 3, 22), "更正日期", [], report.Version))).ReadAsync<ThemeActivityReportView>();
        Assert.Equal((report.Id, new DateOnly(2025, 3, 22)), (corrected.Id, corrected.DoneOn));

        var closed = await (await admin.PostJsonAsync($"{Route}/{c.Id}/close", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        Assert.Equal(ThemeCampaignStatus.Closed, closed.Status);
        var after = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports",
            new ReportThemeActivityRequest(first, new DateOnly(2025, 3, 23), null, [], corrected.Version))).ProblemErrorsAsync();
        Assert.Equal(["status"], after.Keys);
        Assert.Contains("已结束", after["status"][0], StringComparison.Ordinal);

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ThemeCampaign" && a.EntityId == c.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("ThemeCampaign.PhaseAdded", actions);
        Assert.Contains("ThemeCampaign.Launched", actions);
        Assert.Contains("ThemeCampaign.Closed", actions);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ActivityReport" && a.EntityId == report.Id.ToString())));
    }

    [Fact]
    public async Task Progress_OnItsOwnSubtree_DueDayIsOnTime_TheDayAfterIsOverdue()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, second) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await PlannedAsync(admin, parent, "进度主题教育" + parent);
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        var lecture = c.Phases[0].Activities[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(first, Due))).StatusCode);

        var onDue = await (await admin.GetAsync($"{Route}/{c.Id}/progress?organizationId={parent}&asOf=2025-03-31")).ReadAsync<ThemeProgressView>();
        var dayAfter = await (await admin.GetAsync($"{Route}/{c.Id}/progress?organizationId={parent}&asOf=2025-04-01")).ReadAsync<ThemeProgressView>();

        // Two branches owe the lecture and the problem list, the general branch only the problem list: 5 pairs, 1 done.
        Assert.Equal(new ThemeCompletionView(5, 1, 0, 20), onDue.Completion);
        Assert.Equal(new ThemeCompletionView(5, 1, 1, 20), dayAfter.Completion);
        Assert.Equal([(first, 50), (second, 0)], dayAfter.ByOrganization.Select(l => (l.OrganizationId, l.Completion.Percent)));
        Assert.Equal([50, 0], dayAfter.ByActivity.Select(a => a.Completion.Percent));

        var none = await (await admin.GetAsync($"{Route}/{c.Id}/overdue?organizationId={parent}&asOf=2025-03-31")).ReadAsync<Paged<ThemeOverdueRow>>();
        var overdue = await (await admin.GetAsync($"{Route}/{c.Id}/overdue?organizationId={parent}&asOf=2025-04-01")).ReadAsync<Paged<ThemeOverdueRow>>();
        Assert.Equal(0, none.Total);
        var row = Assert.Single(overdue.Items);
        Assert.Equal((second, "书记讲专题党课", 1), (row.OrganizationId, row.ActivityTitle, row.DaysOverdue));

        // Over one branch only.
        var one = await (await admin.GetAsync($"{Route}/{c.Id}/progress?organizationId={second}&asOf=2025-05-01")).ReadAsync<ThemeProgressView>();
        Assert.Equal(new ThemeCompletionView(2, 0, 2, 0), one.Completion);
    }

    [Fact]
    public async Task Plan_BadInput_Is400NamingTheField_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, _) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var blank = await (await admin.PostJsonAsync(Route, new CreateThemeCampaignRequest(parent, " ", "主题", Start, End))).ProblemErrorsAsync();
        var backwards = await (await admin.PostJsonAsync(Route, new CreateThemeCampaignRequest(parent, "倒置", "主题", End, Start))).ProblemErrorsAsync();
        var missing = await (await admin.PostJsonAsync(Route, new CreateThemeCampaignRequest(parent, "无日期", "主题", null, null))).ProblemErrorsAsync();
        Assert.Equal(["title"], blank.Keys);
        Assert.Equal(["endsOn"], backwards.Keys);
        Assert.Equal(["startsOn", "endsOn"], missing.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.ThemeCampaigns.CountAsync(c => c.OrganizationId == parent)));

        var c = await (await admin.PostJsonAsync(Route, new CreateThemeCampaignRequest(parent, "校验主题教育", "主题", Start, End))).ReadAsync<ThemeCampaignView>();
        var launchEmpty = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ProblemErrorsAsync();
        Assert.Equal(["phases"], launchEmpty.Keys);
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("学习教育", Start, Due, c.Version))).ReadAsync<ThemeCampaignView>();
        var overlap = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("查摆问题", Due, End, c.Version))).ProblemErrorsAsync();
        var outside = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("整改落实", new DateOnly(2025, 4, 1), End.AddDays(1), c.Version))).ProblemErrorsAsync();
        Assert.Equal(["startsOn"], overlap.Keys);
        Assert.Contains("学习教育", overlap["startsOn"][0], StringComparison.Ordinal);
        Assert.Equal(["endsOn"], outside.Keys);

        var phase = c.Phases[0].Id;
        var late = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases/{phase}/activities",
            new AddRequiredActivityRequest(RequiredActivityKind.ThemedPartyLecture, "专题党课", Due.AddDays(1), ThemeActivityLevels.Branches, c.Version))).ProblemErrorsAsync();
        var noLevel = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases/{phase}/activities",
            new AddRequiredActivityRequest(RequiredActivityKind.ThemedPartyLecture, "专题党课", Due, ThemeActivityLevels.None, c.Version))).ProblemErrorsAsync();
        Assert.Equal(["dueOn"], late.Keys);
        Assert.Equal(["levels"], noLevel.Keys);
        var stale = await admin.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("整改落实", new DateOnly(2025, 5, 1), End, c.Version - 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(["学习教育"], await app.WithDbAsync(db => db.ThemePhases.Where(p => p.CampaignId == c.Id).Select(p => p.Name).ToListAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ThemeRequiredActivities.CountAsync(a => a.PhaseId == phase)));

        // The due day on the phase's last day is accepted; the phase is then removed with its activity, in draft.
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases/{phase}/activities",
            new AddRequiredActivityRequest(RequiredActivityKind.ThemedPartyLecture, "专题党课", Due, ThemeActivityLevels.Branches, c.Version))).ReadAsync<ThemeCampaignView>();
        var beforeLaunch = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{c.Phases[0].Activities[0].Id}/reports", Done(first, Due))).ProblemErrorsAsync();
        Assert.Equal(["status"], beforeLaunch.Keys);
        c = await (await admin.DeleteAsync($"{Route}/{c.Id}/phases/{phase}?version={c.Version}")).ReadAsync<ThemeCampaignView>();
        Assert.Empty(c.Phases);
        Assert.Equal(0, await app.WithDbAsync(db => db.ThemeRequiredActivities.CountAsync(a => a.PhaseId == phase)));
    }

    [Fact]
    public async Task Launched_PlanIsFixed_AndReportsAreChecked()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, _) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await PlannedAsync(admin, parent, "报送校验" + parent);
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        var (lecture, problems) = (c.Phases[0].Activities[0].Id, c.Phases[1].Activities[0].Id);

        var edit = await (await admin.PutJsonAsync($"{Route}/{c.Id}", new UpdateThemeCampaignRequest("改名", "主题", Start, End, c.Version))).ProblemErrorsAsync();
        var addPhase = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("整改落实", new DateOnly(2025, 5, 1), End, c.Version))).ProblemErrorsAsync();
        Assert.Equal(["status"], edit.Keys);
        Assert.Equal(["status"], addPhase.Keys);

        var future = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(first, OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var early = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(first, Start.AddDays(-1)))).ProblemErrorsAsync();
        var level = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(parent, Due))).ProblemErrorsAsync();
        var outside = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(t.BranchOfA, Due))).ProblemErrorsAsync();
        var noProblems = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{problems}/reports", Done(first, Due, " "))).ProblemErrorsAsync();
        Assert.Equal(["doneOn"], future.Keys);
        Assert.Equal(["doneOn"], early.Keys);
        Assert.Equal(["organizationId"], level.Keys);
        Assert.Equal(["organizationId"], outside.Keys);
        Assert.Equal(["lines"], noProblems.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.ThemeActivityReports.CountAsync(r => r.CampaignId == c.Id)));

        var listed = await (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{problems}/reports", Done(first, Due, "理论学习不深入", "联系群众不紧密"))).ReadAsync<ThemeActivityReportView>();
        Assert.Equal(["理论学习不深入", "联系群众不紧密"], listed.Lines);
        var own = await (await admin.GetAsync($"{Route}/{c.Id}/reports?organizationId={first}")).ReadAsync<OrganizationThemeView>();
        Assert.Equal([(lecture, false), (problems, true)], own.Activities.Select(a => (a.Activity.Id, a.Report is not null)));
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsCampaign_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, _) = await SubtreeAsync(t.A);
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);
        var title = "甲镇主题教育" + parent;
        var c = await PlannedAsync(adminA, parent, title);
        c = await (await adminA.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        var lecture = c.Phases[0].Activities[0].Id;
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{c.Id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{c.Id}/overdue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{c.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{c.Id}/reports?organizationId={first}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(first, Due))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(t.BranchOfB, Due))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{c.Id}/close", new ThemeVersionRequest(c.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(Route, new CreateThemeCampaignRequest(parent, "越权", "主题", Start, End))).StatusCode);

        var list = await (await adminB.GetAsync($"{Route}?search={Uri.EscapeDataString(title)}")).ReadAsync<ThemeCampaignList>();
        Assert.Equal(0, list.Campaigns.Total);
        Assert.Equal(ThemeCampaignStatus.Launched, await app.WithDbAsync(db => db.ThemeCampaigns.Where(x => x.Id == c.Id).Select(x => x.Status).FirstAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ThemeActivityReports.CountAsync(r => r.CampaignId == c.Id)));
        var mine = await (await adminA.GetAsync($"{Route}?search={Uri.EscapeDataString(title)}")).ReadAsync<ThemeCampaignList>();
        Assert.Equal([c.Id], mine.Campaigns.Items.Select(x => x.Id));
    }

    [Fact]
    public async Task Secretary_SeesTheTownshipsCampaign_ReportsForTheirOwnBranchOnly_AndRunsNothing()
    {
        var t = await app.TownshipsAsync();
        var own = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var ownKind = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == own).Select(o => new { o.Kind, o.Path }).FirstAsync());
        var townshipPath = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.A).Select(o => o.Path).FirstAsync());
        Assert.StartsWith(townshipPath, ownKind.Path, StringComparison.Ordinal);
        var (_, other, _) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await (await admin.PostJsonAsync(Route, new CreateThemeCampaignRequest(t.A, "全镇主题教育" + other, "查问题、理思路、促整改", Start, End))).ReadAsync<ThemeCampaignView>();
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases", new AddThemePhaseRequest("学习教育", Start, Due, c.Version))).ReadAsync<ThemeCampaignView>();
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/phases/{c.Phases[0].Id}/activities",
            new AddRequiredActivityRequest(RequiredActivityKind.ThemedPartyLecture, "专题党课", Due, ThemeActivityLevels.All, c.Version))).ReadAsync<ThemeCampaignView>();
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        var lecture = c.Phases[0].Activities[0].Id;
        var secretary = await app.ClientForAsync(Demo.Secretary);

        var seen = await (await secretary.GetAsync($"{Route}/{c.Id}")).ReadAsync<ThemeCampaignView>();
        Assert.Equal((false, true), (seen.CanRun, seen.CanReport));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(own, Due))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync($"{Route}/{c.Id}/activities/{lecture}/reports", Done(other, Due))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync($"{Route}/{c.Id}/close", new ThemeVersionRequest(c.Version))).StatusCode);

        // Their progress is their own branch's.
        var progress = await (await secretary.GetAsync($"{Route}/{c.Id}/progress?asOf=2025-04-01")).ReadAsync<ThemeProgressView>();
        Assert.Equal(own, progress.OrganizationId);
        Assert.Equal(100, progress.Completion.Percent);
    }

    [Fact]
    public async Task Export_HoldsTheGrid_ByOrganization_AndTheOverdueList()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, second) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await PlannedAsync(admin, parent, "导出主题教育" + parent);
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/{c.Id}/activities/{c.Phases[0].Activities[0].Id}/reports", Done(first, new DateOnly(2025, 3, 15)))).StatusCode);
        var names = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == first || o.Id == second || o.Id == parent).ToDictionaryAsync(o => o.Id, o => o.Name));

        var response = await admin.GetAsync($"{Route}/{c.Id}/export?organizationId={parent}&asOf=2025-04-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var grid = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "完成情况表").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([names[parent], names[first], names[second]], grid.Select(r => r["组织"]));
        var lectureColumn = "1. 书记讲专题党课（2025-03-31）";
        Assert.Equal(["2025-03-15", "逾期"], grid.Skip(1).Select(r => r[lectureColumn]));
        var overdue = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "逾期未完成").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(overdue);
        Assert.Equal((names[second], "书记讲专题党课"), (row["组织"], row["规定动作"]));
    }

    [Fact]
    public async Task Pages_ListTheCampaign_ShowThePlanAndProgress_AndTheReportForm()
    {
        var t = await app.TownshipsAsync();
        var (parent, first, _) = await SubtreeAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var title = "页面主题教育" + parent;
        var c = await PlannedAsync(admin, parent, title);
        c = await (await admin.PostJsonAsync($"{Route}/{c.Id}/launch", new ThemeVersionRequest(c.Version))).ReadAsync<ThemeCampaignView>();
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var list = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/theme-education?search={Uri.EscapeDataString(title)}"));
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains($"data-campaign=\"{c.Id}\"", list, StringComparison.Ordinal);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/theme-education/{c.Id}"));
        Assert.Contains("第 1 阶段：学习教育", page, StringComparison.Ordinal);
        Assert.Contains("书记讲专题党课", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"close\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"launch\"", page, StringComparison.Ordinal);

        var form = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/theme-education/{c.Id}/report?organizationId={first}"));
        Assert.Contains("查摆出的问题", form, StringComparison.Ordinal);
        Assert.Contains("data-action=\"report\"", form, StringComparison.Ordinal);

        var empty = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/theme-education?search=" + Uri.EscapeDataString("没有这个主题" + Guid.NewGuid())));
        Assert.Contains("data-empty=\"true\"", empty, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThemeEducationSqliteTests(SqliteApp app) : ThemeEducationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ThemeEducationPostgresTests(PostgresApp app) : ThemeEducationTests(app);
