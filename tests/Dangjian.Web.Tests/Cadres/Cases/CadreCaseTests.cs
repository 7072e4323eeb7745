using System.Net;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Cadres.Accountability;
using Dangjian.Web.Features.Cadres.Exits;
using Dangjian.Web.Features.Cadres.Supervisors;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.Supervision.Notices;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Cadres.Cases;

/// <summary>
/// CAD-7 over HTTP on a real database: exit cases (引咎辞职 / 责令辞职 / 免职) opened, decided or withdrawn; cadre-work
/// supervisors with their units, periodic reports and the reports overdue on a day (a boundary each side); accountability
/// cases linked to a selection case by id; bad input 400 naming the field with nothing stored; township B kept from A.
/// </summary>
public abstract class CadreCaseTests(AppFixture app)
{
    private const string Exits = ExitEndpoints.Route;
    private const string Supervisors = SupervisorEndpoints.Route;
    private const string Accountability = AccountabilityEndpoints.Route;

    /// <summary>A selection case of the organization, as the selection module opens one (its call, 动议).</summary>
    private Task<int> NewSelectionCaseAsync(int org) =>
        app.WithDbAsync(async db =>
        {
            var c = Domain.Cadres.Selection.SelectionCase.Open(org, "副镇长", 1, "大学本科以上学历", "测试", DateTimeOffset.UtcNow);
            db.SelectionCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    private async Task<(int Org, int Person, HttpClient Admin)> CadreOfAAsync()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A, Domain.Organizations.OrganizationKind.GeneralBranch);
        return (org, await app.NewCadreAsync(org), await app.ClientForAsync(Demo.OrgAdminA));
    }

    [Fact]
    public async Task ExitCase_IsOpened_AndDecided_OrWithdrawn_ThenNeverChanges()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var today = OrgToday.Value;

        var c = (await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, person, ExitKind.ResignationForFault, "分管领域发生重大安全事故", today.AddDays(-3)))).ReadAsync<ExitDetail>()).Case;
        Assert.Equal((ExitStatus.Proposed, person), (c.Status, c.PersonId));
        var beforeOpening = await (await admin.PostJsonAsync($"{Exits}/{c.Id}/decide", new DecideExitRequest(ExitOutcome.Approved, "区委常委会", "同意辞去职务", today.AddDays(-4), c.Version))).ProblemErrorsAsync();
        var noBody = await (await admin.PostJsonAsync($"{Exits}/{c.Id}/decide", new DecideExitRequest(ExitOutcome.Approved, " ", "同意辞去职务", today, c.Version))).ProblemErrorsAsync();
        Assert.Equal(["decidedOn", "decidedBy"], [.. new[] { beforeOpening, noBody }.Select(e => string.Join(",", e.Keys))]);

        var decided = (await (await admin.PostJsonAsync($"{Exits}/{c.Id}/decide", new DecideExitRequest(ExitOutcome.Approved, "区委常委会", "同意辞去职务", today.AddDays(-3), c.Version))).ReadAsync<ExitDetail>()).Case;
        Assert.Equal((ExitStatus.Decided, ExitOutcome.Approved, "区委常委会"), (decided.Status, decided.Outcome, decided.DecidedBy));
        var again = await (await admin.PostJsonAsync($"{Exits}/{c.Id}/withdraw", new WithdrawExitRequest("撤回", today, decided.Version))).ProblemErrorsAsync();
        Assert.Equal(["status"], again.Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Exits}/{c.Id}/withdraw", new WithdrawExitRequest("撤回", today, c.Version))).StatusCode);

        var other = (await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, person, ExitKind.Dismissal, "年度考核不称职", today))).ReadAsync<ExitDetail>()).Case;
        var withdrawn = (await (await admin.PostJsonAsync($"{Exits}/{other.Id}/withdraw", new WithdrawExitRequest("经复核不属于不称职情形", today, other.Version))).ReadAsync<ExitDetail>()).Case;
        Assert.Equal(ExitStatus.Withdrawn, withdrawn.Status);

        var list = await (await admin.GetAsync($"{Exits}?organizationId={org}&kind=Dismissal")).ReadAsync<ExitListView>();
        Assert.Equal([other.Id], list.Items.Items.Select(x => x.Id));
        var export = await admin.GetAsync($"{Exits}/export?organizationId={org}");
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "干部退出").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["免职", "引咎辞职"], rows.Select(r => (string)r["退出方式"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExitCase_BadInput_Is400_NothingStored()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var stranger = await app.NewCadreAsync(await app.NewOrganizationAsync((await app.TownshipsAsync()).A));

        var noGrounds = await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, person, ExitKind.Dismissal, " ", OrgToday.Value))).ProblemErrorsAsync();
        var future = await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, person, ExitKind.Dismissal, "事由", OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var noKind = await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, person, null, "事由", OrgToday.Value))).ProblemErrorsAsync();
        var elsewhere = await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, stranger, ExitKind.Dismissal, "事由", OrgToday.Value))).ProblemErrorsAsync();

        Assert.Equal(["grounds", "openedOn", "kind", "personId"], [.. new[] { noGrounds, future, noKind, elsewhere }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("今天", future["openedOn"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ExitCases.CountAsync(c => c.OrganizationId == org)));
    }

    [Fact]
    public async Task Supervisor_FollowsUnits_Reports_AndOwesAReportFromTheDayAfterItsDueDay()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var unit = await app.WithDbAsync(async db =>
        {
            var u = new Domain.Units.Unit { Name = "监督测试单位" + Demo.UniqueCode(""), Kind = Domain.Units.UnitKind.Enterprise, AreaOrganizationId = org };
            db.Units.Add(u);
            await db.SaveChangesAsync();
            return u.Id;
        });

        var s = (await (await admin.PostJsonAsync(Supervisors, new AppointSupervisorRequest(org, person, new DateOnly(2024, 1, 1)))).ReadAsync<SupervisorDetail>()).Supervisor;
        var twice = await (await admin.PostJsonAsync(Supervisors, new AppointSupervisorRequest(org, person, new DateOnly(2024, 2, 1)))).ProblemErrorsAsync();
        Assert.Equal(["personId"], twice.Keys);
        s = (await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/units", new SupervisorUnitRequest(unit, s.Version))).ReadAsync<SupervisorDetail>()).Supervisor;
        Assert.Equal([unit], s.Units.Select(u => u.UnitId));
        var attachedTwice = await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/units", new SupervisorUnitRequest(unit, s.Version))).ProblemErrorsAsync();
        Assert.Equal(["unitId"], attachedTwice.Keys);

        // 2024 Q1 ends 31 March and is due 10 days later, 10 April: owed from 11 April, not on the 10th.
        var onDue = await (await admin.GetAsync($"{Supervisors}?organizationId={org}&overdue=true&on=2024-04-10")).ReadAsync<SupervisorListView>();
        var dayAfter = await (await admin.GetAsync($"{Supervisors}?organizationId={org}&overdue=true&on=2024-04-11")).ReadAsync<SupervisorListView>();
        Assert.Empty(onDue.Items.Items);
        var owing = Assert.Single(dayAfter.Items.Items);
        Assert.Equal([(2024, 1, new DateOnly(2024, 4, 10))], owing.Overdue.Select(o => (o.Year, o.Period, o.Due)));

        var early = await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/reports", new SupervisorReportRequest(2024, 2, "第二季度情况", new DateOnly(2024, 3, 31), s.Version))).ProblemErrorsAsync();
        var badPeriod = await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/reports", new SupervisorReportRequest(2024, 5, "第五期", new DateOnly(2024, 4, 1), s.Version))).ProblemErrorsAsync();
        Assert.Equal(["submittedOn", "period"], [.. new[] { early, badPeriod }.Select(e => string.Join(",", e.Keys))]);
        s = (await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/reports", new SupervisorReportRequest(2024, 1, "联系单位干部表现良好", new DateOnly(2024, 4, 5), s.Version))).ReadAsync<SupervisorDetail>()).Supervisor;
        var after = await (await admin.GetAsync($"{Supervisors}?organizationId={org}&overdue=true&on=2024-04-11")).ReadAsync<SupervisorListView>();
        Assert.Empty(after.Items.Items);

        s = (await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/units/{unit}/detach", new SupervisorVersionRequest(s.Version))).ReadAsync<SupervisorDetail>()).Supervisor;
        Assert.Empty(s.Units);
        s = (await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/end", new EndSupervisorRequest(new DateOnly(2024, 6, 30), s.Version))).ReadAsync<SupervisorDetail>()).Supervisor;
        var ended = await (await admin.PostJsonAsync($"{Supervisors}/{s.Id}/units", new SupervisorUnitRequest(unit, s.Version))).ProblemErrorsAsync();
        Assert.Equal(["endedOn"], ended.Keys);

        var export = await admin.GetAsync($"{Supervisors}/export?organizationId={org}");
        var row = Assert.Single(new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "干部工作监督员").Cast<IDictionary<string, object?>>());
        Assert.Equal(("2024-01-01", "2024-06-30"), (row["聘任日期"], row["聘任结束日期"]));
    }

    [Fact]
    public async Task Accountability_NamesTheSelectionCase_OrNone_ConcludesOnce_WithTheResponsibleAndTheMeasure()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var today = OrgToday.Value;
        var selection = await NewSelectionCaseAsync(org);
        var t = await app.TownshipsAsync();
        var selectionOfB = await NewSelectionCaseAsync(t.B);

        var linked = (await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, selection, AccountabilityGround.InspectionNotThorough, "考察组未按规定开展两圈考察", today))).ReadAsync<AccountabilityDetail>()).Case;
        var unlinked = (await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, null, AccountabilityGround.ProcedureNotFollowed, "任用早于系统记录", today))).ReadAsync<AccountabilityDetail>()).Case;
        Assert.Equal((selection, (int?)null), (linked.SelectionCaseId, unlinked.SelectionCaseId));
        var zero = await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, 0, AccountabilityGround.ProcedureNotFollowed, "编号为零", today))).ProblemErrorsAsync();
        var noText = await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, selection, AccountabilityGround.ProcedureNotFollowed, " ", today))).ProblemErrorsAsync();
        // A selection case that does not exist, or one of township B the caller cannot read, is refused by name.
        var unknown = await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, int.MaxValue, AccountabilityGround.ProcedureNotFollowed, "无此选任案件", today))).ProblemErrorsAsync();
        var foreign = await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, selectionOfB, AccountabilityGround.ProcedureNotFollowed, "乙镇的选任案件", today))).ProblemErrorsAsync();
        Assert.Equal(["selectionCaseId", "description", "selectionCaseId", "selectionCaseId"], [.. new[] { zero, noText, unknown, foreign }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("选任案件不存在", unknown["selectionCaseId"][0], StringComparison.Ordinal);

        var noMeasure = await (await admin.PostJsonAsync($"{Accountability}/{linked.Id}/conclude", new ConcludeAccountabilityRequest("考察不深入", [person], " ", today, linked.Version))).ProblemErrorsAsync();
        var unknownPerson = await (await admin.PostJsonAsync($"{Accountability}/{linked.Id}/conclude", new ConcludeAccountabilityRequest("考察不深入", [int.MaxValue], "诫勉谈话", today, linked.Version))).ProblemErrorsAsync();
        Assert.Equal(["measure", "responsiblePersonIds"], [.. new[] { noMeasure, unknownPerson }.Select(e => string.Join(",", e.Keys))]);
        var done = (await (await admin.PostJsonAsync($"{Accountability}/{linked.Id}/conclude", new ConcludeAccountabilityRequest("考察组长负主要责任", [person], "诫勉谈话", today, linked.Version))).ReadAsync<AccountabilityDetail>()).Case;
        Assert.Equal((AccountabilityStatus.Concluded, "诫勉谈话", person), (done.Status, done.Measure, done.Responsible.Single().PersonId));
        var twice = await (await admin.PostJsonAsync($"{Accountability}/{linked.Id}/conclude", new ConcludeAccountabilityRequest("再次办结", [], null, today, done.Version))).ProblemErrorsAsync();
        Assert.Equal(["status"], twice.Keys);

        var bySelection = await (await admin.GetAsync($"{Accountability}?organizationId={org}&selectionCaseId={selection}")).ReadAsync<AccountabilityListView>();
        Assert.Equal([linked.Id], bySelection.Items.Items.Select(x => x.Id));
        var client = await app.SignInAsync(Demo.OrgAdminA);
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/cadres/accountability?organizationId={org}")).Content.ReadAsStringAsync());
        Assert.Contains($"href=\"cadres/selection/{selection}\"", page, StringComparison.Ordinal);
        Assert.Contains("选任过程未在本系统记录", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsCases_AndNothingChanges_ASecretaryReadsNone()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var exit = (await (await admin.PostJsonAsync(Exits, new OpenExitRequest(org, person, ExitKind.OrderedResignation, "甲镇的案件", OrgToday.Value))).ReadAsync<ExitDetail>()).Case;
        var sup = (await (await admin.PostJsonAsync(Supervisors, new AppointSupervisorRequest(org, person, OrgToday.Value))).ReadAsync<SupervisorDetail>()).Supervisor;
        var acc = (await (await admin.PostJsonAsync(Accountability, new OpenAccountabilityRequest(org, null, AccountabilityGround.DepartmentFailure, "甲镇的追责", OrgToday.Value))).ReadAsync<AccountabilityDetail>()).Case;
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Exits}/{exit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Exits}/{exit.Id}/withdraw", new WithdrawExitRequest("越权", OrgToday.Value, exit.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Supervisors}?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Supervisors}/{sup.Id}/end", new EndSupervisorRequest(OrgToday.Value, sup.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Accountability}/export?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Accountability}/{acc.Id}/conclude", new ConcludeAccountabilityRequest("越权", [], null, OrgToday.Value, acc.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(Exits, new OpenExitRequest(org, person, ExitKind.Dismissal, "越权立案", OrgToday.Value))).StatusCode);
        var t = await app.TownshipsAsync();
        var own = await (await adminB.GetAsync($"{Exits}?organizationId={t.B}&pageSize=200")).ReadAsync<ExitListView>();
        Assert.DoesNotContain(own.Items.Items, x => x.Id == exit.Id);

        var secretary = await app.ClientForAsync(Demo.Secretary);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"{Exits}?organizationId={await app.ScopeOrganizationOfAsync(Demo.Secretary)}")).StatusCode);
        Assert.Equal(ExitStatus.Proposed, await app.WithDbAsync(db => db.ExitCases.Where(x => x.Id == exit.Id).Select(x => x.Status).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.WorkSupervisors.Where(x => x.Id == sup.Id).Select(x => x.EndedOn).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CadreCaseSqliteTests(SqliteApp app) : CadreCaseTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CadreCasePostgresTests(PostgresApp app) : CadreCaseTests(app);
