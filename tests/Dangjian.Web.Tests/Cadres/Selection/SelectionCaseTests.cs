using System.Net;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Cadres.Selection;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Cadres.Selection.SelectionSetup;

namespace Dangjian.Web.Tests.Cadres.Selection;

/// <summary>
/// 选任写实 (CAD-3 … CAD-5) over HTTP on a real database: a case walked step by step with who and when in its trace;
/// the differential rule, certified inspectors, the linked round and agenda item, the publicity on the working-day
/// calendar and its objections (also from the public page, anonymous with the day only), the appointment refused while
/// either stands, corrections that keep the original, township B kept out, and the export. Each test makes its own
/// organization and people.
/// </summary>
public abstract class SelectionCaseTests(AppFixture app)
{
    private static string R(int id, string step) => $"{Route}/{id}/{step}";

    [Fact]
    public async Task WalkedThrough_EveryStepIsInTheTrace_WithWhoAndWhen_AndTheLinksShown()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var c = await admin.WalkAsync(w, SelectionPhase.Appointed);

        Assert.Equal(SelectionPhase.Appointed, c.Phase);
        Assert.Equal(SelectionStep.ProbationReview, c.NextStep);
        Assert.Equal(
            [SelectionStep.Call, SelectionStep.TalkRecommendation, SelectionStep.MeetingRecommendation, SelectionStep.Shortlist, SelectionStep.InspectionStarted,
             SelectionStep.InspectionMethod, SelectionStep.CircleFinding, SelectionStep.CircleFinding, SelectionStep.CandidateFinding,
             SelectionStep.CircleFinding, SelectionStep.CircleFinding, SelectionStep.CandidateFinding, SelectionStep.InspectionCompleted,
             SelectionStep.Decision, SelectionStep.PublicityStarted, SelectionStep.Appointment],
            c.Trace.Select(e => e.Step));
        Assert.All(c.Trace, e => Assert.False(string.IsNullOrEmpty(e.By) || string.IsNullOrEmpty(e.At)));
        Assert.Equal(w.Round, c.Round!.RoundId);
        Assert.Equal((w.AgendaItem, 7, 9, 6), (c.Decision!.AgendaItemId, c.Decision.Present, c.Decision.Entitled, c.Decision.For));
        Assert.Equal([w.Inspectors[0], w.Inspectors[1]], c.Team.Select(m => m.PersonId));
        Assert.True(c.Candidates.Single(x => x.PersonId == w.Candidates[0]).Chosen);
        Assert.Equal(12, c.ProbationMonths);
        Assert.True(c.PublicityLastDay > OrgToday.Value.AddDays(3), "five working days end at least four days after the start");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "SelectionCase.Appointed" && a.EntityId == c.Id.ToString())));
    }

    [Fact]
    public async Task Shortlist_TooFewOrTooMany_Refused_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await admin.WalkAsync(w, SelectionPhase.Recommended);

        var one = await (await admin.PostJsonAsync(R(c.Id, "shortlist"), new ShortlistRequest(c.Version, [w.Candidates[0]]))).ProblemErrorsAsync();
        var four = await (await admin.PostJsonAsync(R(c.Id, "shortlist"), new ShortlistRequest(c.Version, [.. w.Candidates]))).ProblemErrorsAsync();

        Assert.Contains("差额考察人数不足", one["candidates"][0], StringComparison.Ordinal);
        Assert.Contains("差额考察人数过多", four["candidates"][0], StringComparison.Ordinal);
        var after = await (await admin.GetAsync($"{Route}/{c.Id}")).ReadAsync<SelectionCaseView>();
        Assert.Equal((SelectionPhase.Recommended, c.Version, 0), (after.Phase, after.Version, after.Candidates.Count));

        // Three for one post is inside (1 + 2).
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(R(c.Id, "shortlist"), new ShortlistRequest(c.Version, [.. w.Candidates.Take(3)]))).StatusCode);
    }

    [Fact]
    public async Task Inspection_AnUncertifiedOrExpiredMember_IsRefusedByName()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await admin.WalkAsync(w, SelectionPhase.Shortlisted);
        var names = await app.WithDbAsync(db => db.People.Where(p => w.Inspectors.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name));

        var uncertified = await (await admin.PostJsonAsync(R(c.Id, "inspection"), new StartInspectionRequest(c.Version, OrgToday.Value, [w.Inspectors[0], w.Inspectors[2]]))).ProblemErrorsAsync();
        Assert.Contains(names[w.Inspectors[2]] + "未取得考察资格认证", uncertified["team"][0], StringComparison.Ordinal);

        await app.CertifyAsync(w.Inspectors[2], OrgToday.Value.AddYears(-3), OrgToday.Value.AddDays(-1));
        var expired = await (await admin.PostJsonAsync(R(c.Id, "inspection"), new StartInspectionRequest(c.Version, OrgToday.Value, [w.Inspectors[0], w.Inspectors[2]]))).ProblemErrorsAsync();
        Assert.Contains(names[w.Inspectors[2]] + "的考察资格证书在考察之日无效", expired["team"][0], StringComparison.Ordinal);

        var candidate = await (await admin.PostJsonAsync(R(c.Id, "inspection"), new StartInspectionRequest(c.Version, OrgToday.Value, [w.Inspectors[0], w.Candidates[0]]))).ProblemErrorsAsync();
        Assert.Contains("team", candidate.Keys);
        Assert.Equal(SelectionPhase.Shortlisted, (await (await admin.GetAsync($"{Route}/{c.Id}")).ReadAsync<SelectionCaseView>()).Phase);

        // The list of certificates flags the expired one.
        var list = await (await admin.GetAsync($"{SelectionEndpoints.QualificationsRoute}?search={Uri.EscapeDataString(names[w.Inspectors[2]])}")).ReadAsync<Dangjian.Web.Features.Common.Paged<QualificationView>>();
        Assert.False(Assert.Single(list.Items).Valid);
    }

    [Fact]
    public async Task Inspection_CompleteBeforeEveryCircleAndFinding_NamesWhatIsMissing()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await admin.WalkAsync(w, SelectionPhase.Inspecting);
        c = await admin.PostJsonAsync(R(c.Id, "inspection/circles"), new CircleFindingRequest(c.Version, w.Candidates[0], InspectionCircle.Life, "邻里和睦")).OkAsync();

        var twice = await (await admin.PostJsonAsync(R(c.Id, "inspection/circles"), new CircleFindingRequest(c.Version, w.Candidates[0], InspectionCircle.Life, "再记一次"))).ProblemErrorsAsync();
        var early = await (await admin.PostJsonAsync(R(c.Id, "inspection/complete"), new VersionRequest(c.Version))).ProblemErrorsAsync();

        Assert.Contains("生活圈考察情况已记录", twice["circle"][0], StringComparison.Ordinal);
        Assert.Contains("circleFindings", early.Keys);
        Assert.Contains("findings", early.Keys);
    }

    [Fact]
    public async Task Decision_AnotherTownshipsItem_ANotAdoptedOne_OrAnElectionRound_Refused()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var formal = await app.NewRoundAsync(w.Organization, ElectionMode.Formal);
        var early = await admin.WalkAsync(w, SelectionPhase.Called);
        var round = await (await admin.PostJsonAsync(R(early.Id, "meeting-recommendation"), new MeetingRecommendationRequest(early.Version, formal))).ProblemErrorsAsync();
        Assert.Contains("不是推荐票轮次", round["recommendationRoundId"][0], StringComparison.Ordinal);

        var c = await admin.WalkAsync(w, SelectionPhase.Inspected);
        var otherOrg = await app.NewAgendaItemAsync(await app.NewOrganizationAsync(t.B), ItemCategory.Cadre, ItemStatus.Decided, ItemOutcome.Passed);
        var rejected = await app.NewAgendaItemAsync(w.Organization, ItemCategory.Cadre, ItemStatus.Decided, ItemOutcome.NotDecided);
        var routine = await app.NewAgendaItemAsync(w.Organization, ItemCategory.Routine, ItemStatus.Decided, ItemOutcome.Passed);
        var superior = await app.NewAgendaItemAsync(t.A, ItemCategory.Cadre, ItemStatus.Decided, ItemOutcome.Passed);

        async Task<string> RefusedAsync(int item) =>
            (await (await admin.PostJsonAsync(R(c.Id, "decision"), new DecisionRequest(c.Version, item, [w.Candidates[0]]))).ProblemErrorsAsync())["agendaItemId"][0];

        Assert.Contains("不属于本单位或上级党组织", await RefusedAsync(otherOrg), StringComparison.Ordinal);
        Assert.Contains("未获通过", await RefusedAsync(rejected), StringComparison.Ordinal);
        Assert.Contains("不是干部任免事项", await RefusedAsync(routine), StringComparison.Ordinal);
        Assert.Equal(SelectionPhase.Inspected, (await (await admin.GetAsync($"{Route}/{c.Id}")).ReadAsync<SelectionCaseView>()).Phase);

        // The township committee's own adopted item decides a case of a branch under it.
        var decided = await admin.PostJsonAsync(R(c.Id, "decision"), new DecisionRequest(c.Version, superior, [w.Candidates[0]])).OkAsync();
        Assert.Equal(SelectionPhase.Decided, decided.Phase);
    }

    [Fact]
    public async Task Appointment_DuringPublicity_OrWithAnOpenObjection_Refused_AfterTheAnswer_Accepted()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await admin.WalkAsync(w, SelectionPhase.InPublicity);
        var last = c.PublicityLastDay!.Value;

        var during = await (await admin.PostJsonAsync(R(c.Id, "appointment"), new AppointRequest(c.Version, last))).ProblemErrorsAsync();
        Assert.Contains("公示期满后方可任职", during["appointedOn"][0], StringComparison.Ordinal);

        var backDated = await (await admin.PostJsonAsync(R(c.Id, "objections"), new ObjectionRequest(c.Version, OrgToday.Value.AddDays(-1), "早于公示的反映", null))).ProblemErrorsAsync();
        Assert.Contains("receivedOn", backDated.Keys);

        c = await admin.PostJsonAsync(R(c.Id, "objections"), new ObjectionRequest(c.Version, OrgToday.Value, "反映其在原单位有违规兼职情况", "李群众")).OkAsync();
        var open = await (await admin.PostJsonAsync(R(c.Id, "appointment"), new AppointRequest(c.Version, last.AddDays(1)))).ProblemErrorsAsync();
        Assert.Contains("尚有 1 件反映未调查核实", open["objections"][0], StringComparison.Ordinal);

        c = await admin.PostJsonAsync(R(c.Id, "objections/1/conclude"), new ConcludeObjectionRequest(c.Version, ObjectionOutcome.NotUpheld, "经核实，兼职已按规定报批", "已当面反馈反映人")).OkAsync();
        c = await admin.PostJsonAsync(R(c.Id, "appointment"), new AppointRequest(c.Version, last.AddDays(1))).OkAsync();
        Assert.Equal((SelectionPhase.Appointed, last.AddDays(1)), (c.Phase, c.AppointedOn));

        var review = await (await admin.PostJsonAsync(R(c.Id, "probation-review"), new ProbationReviewRequest(c.Version, c.ProbationLastDay, ProbationOutcome.Confirmed, "胜任"))).ProblemErrorsAsync();
        Assert.Contains("reviewedOn", review.Keys);
    }

    [Fact]
    public async Task AnUpheldObjection_StopsTheCase_NothingButCorrectionsFollow()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await admin.WalkAsync(w, SelectionPhase.InPublicity);
        c = await admin.PostJsonAsync(R(c.Id, "objections"), new ObjectionRequest(c.Version, null, "反映其违规收受礼金", null)).OkAsync();
        c = await admin.PostJsonAsync(R(c.Id, "objections/1/conclude"), new ConcludeObjectionRequest(c.Version, ObjectionOutcome.Upheld, "经查属实", "已反馈")).OkAsync();

        Assert.True(c.Stopped);
        var after = await (await admin.PostJsonAsync(R(c.Id, "appointment"), new AppointRequest(c.Version, c.PublicityLastDay!.Value.AddDays(1)))).ProblemErrorsAsync();
        Assert.Contains("已终止", after["step"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(R(c.Id, "corrections"), new CorrectionRequest(c.Version, 1, "正科级，40 周岁以下", "动议时年龄条件录入有误"))).StatusCode);
    }

    [Fact]
    public async Task Correction_KeepsTheOriginal_ShowsTheNewWordsAndWhy_AndStaleVersionIs409_AndThereIsNoDelete()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await admin.WalkAsync(w, SelectionPhase.Shortlisted);

        var corrected = await admin.PostJsonAsync(R(c.Id, "corrections"), new CorrectionRequest(c.Version, 1, "正科级，45 周岁以下，研究生学历", "学历条件录入有误")).OkAsync();
        var original = corrected.Trace.Single(e => e.Sequence == 1);
        Assert.Equal("正科级，45 周岁以下，大学本科以上学历", original.Text);
        Assert.Equal("正科级，45 周岁以下，研究生学历", original.CurrentText);
        var correction = corrected.Trace[^1];
        Assert.Equal((SelectionStep.Correction, 1, "学历条件录入有误"), (correction.Step, correction.Corrects, correction.Reason));
        Assert.Equal([correction.Sequence], original.CorrectedBy);

        var noReason = await (await admin.PostJsonAsync(R(c.Id, "corrections"), new CorrectionRequest(corrected.Version, 1, "再改", " "))).ProblemErrorsAsync();
        Assert.Contains("reason", noReason.Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync(R(c.Id, "corrections"), new CorrectionRequest(c.Version, 1, "旧版本", "并发"))).StatusCode);
        Assert.Contains((await admin.DeleteAsync($"{Route}/{c.Id}")).StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
        Assert.Equal(corrected.Trace.Count, await app.WithDbAsync(db => db.SelectionTraceEntries.CountAsync(e => e.CaseId == c.Id)));
    }

    [Fact]
    public async Task PublicPage_ShowsThePostAndAppointee_TakesAnAnonymousObjection_WithTheDayOnly_NotAudited()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var early = await admin.WalkAsync(w, SelectionPhase.Decided);
        var phone = app.Phone();
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/public/selection/{early.Id}")).StatusCode);

        var c = await admin.PostJsonAsync(R(early.Id, "publicity"), new StartPublicityRequest(early.Version, OrgToday.Value)).OkAsync();
        var appointee = c.Candidates.Single(x => x.Chosen).Name;
        var page = System.Net.WebUtility.HtmlDecode(await phone.GetStringAsync($"/public/selection/{c.Id}"));
        Assert.Contains("镇党委委员", page, StringComparison.Ordinal);
        Assert.Contains(appointee, page, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Candidates.Single(x => !x.Chosen).Name, page, StringComparison.Ordinal);

        var empty = await phone.ObjectAsync(c.Id, " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        var sent = await phone.ObjectAsync(c.Id, "反映该同志在村里修路工程中优亲厚友");
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("data-outcome=\"accepted\"", sent.Body, StringComparison.Ordinal);

        var view = await (await admin.GetAsync($"{Route}/{c.Id}")).ReadAsync<SelectionCaseView>();
        var objection = Assert.Single(view.Objections);
        Assert.Equal((OrgToday.Value, null, ObjectionOutcome.Open), (objection.ReceivedOn, objection.SubmitterName, objection.Outcome));
        var entry = view.Trace[^1];
        Assert.True(entry.Anonymous);
        // Its instant is the start of the day, or the entry before it when that is later: nothing of its own.
        Assert.Equal(view.Trace[^2].At, entry.At);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            (a.EntityType == "PublicityObjection" || a.EntityType == "SelectionTraceEntry") && a.After != null && a.After.Contains("优亲厚友"))));

        // Staff answer it on the case; a named objection is recorded with its name.
        var named = await phone.ObjectAsync(c.Id, "反映其驾驶公车办私事", "张三");
        Assert.Equal(HttpStatusCode.OK, named.Status);
        view = await (await admin.GetAsync($"{Route}/{c.Id}")).ReadAsync<SelectionCaseView>();
        Assert.Equal("张三", view.Objections[1].SubmitterName);
        view = await admin.PostJsonAsync(R(c.Id, "objections/1/conclude"), new ConcludeObjectionRequest(view.Version, ObjectionOutcome.NotUpheld, "查无实据", "已在公示栏答复")).OkAsync();
        Assert.Equal(ObjectionOutcome.NotUpheld, view.Objections[0].Outcome);
    }

    [Fact]
    public async Task TownshipB_CannotReadOrChangeTownshipAsCase_NorSeeItInItsList()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);
        var c = await adminA.WalkAsync(w, SelectionPhase.Recommended);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(R(c.Id, "shortlist"), new ShortlistRequest(c.Version, [w.Candidates[0], w.Candidates[1]]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(R(c.Id, "corrections"), new CorrectionRequest(c.Version, 1, "越权更正", "越权"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(Route, new OpenSelectionRequest(w.Organization, "越权职位", 1, "无"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}?organizationId={w.Organization}")).StatusCode);
        var listB = await (await adminB.GetAsync($"{Route}?pageSize=200")).ReadAsync<SelectionCaseList>();
        Assert.DoesNotContain(listB.Cases.Items, x => x.Id == c.Id);
        Assert.Equal(c.Version, (await (await adminA.GetAsync($"{Route}/{c.Id}")).ReadAsync<SelectionCaseView>()).Version);

        // B's own round cannot be linked by A, and A's qualifications list leaves B's people out.
        var roundB = await app.NewRoundAsync(await app.NewOrganizationAsync(t.B), ElectionMode.Recommendation);
        var other = await adminA.WalkAsync(w, SelectionPhase.Called);
        var refused = await (await adminA.PostJsonAsync(R(other.Id, "meeting-recommendation"), new MeetingRecommendationRequest(other.Version, roundB))).ProblemErrorsAsync();
        Assert.Contains("recommendationRoundId", refused.Keys);
    }

    [Fact]
    public async Task List_FiltersByOrganizationAndPhase_AndExportsTheCases()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var called = await admin.WalkAsync(w, SelectionPhase.Called);
        var shortlisted = await admin.WalkAsync(w, SelectionPhase.Shortlisted);

        var all = await (await admin.GetAsync($"{Route}?organizationId={w.Organization}")).ReadAsync<SelectionCaseList>();
        var onlyShortlisted = await (await admin.GetAsync($"{Route}?organizationId={w.Organization}&phase=Shortlisted")).ReadAsync<SelectionCaseList>();
        Assert.Equal([shortlisted.Id, called.Id], all.Cases.Items.Select(x => x.Id));
        Assert.Equal([shortlisted.Id], onlyShortlisted.Cases.Items.Select(x => x.Id));
        Assert.True(all.CanWrite);

        var export = await admin.GetAsync($"{Route}/export?organizationId={w.Organization}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "选任事项").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["已确定考察对象", "动议"], rows.Select(r => r["阶段"]));
    }

    [Fact]
    public async Task BadInput_Is400NamingTheField_AndNothingStored()
    {
        var t = await app.TownshipsAsync();
        var w = await app.WorldAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var post = await (await admin.PostJsonAsync(Route, new OpenSelectionRequest(w.Organization, " ", 1, "条件"))).ProblemErrorsAsync();
        var posts = await (await admin.PostJsonAsync(Route, new OpenSelectionRequest(w.Organization, "职位", 0, "条件"))).ProblemErrorsAsync();
        var certificate = await (await admin.PostJsonAsync(SelectionEndpoints.QualificationsRoute, new AddQualificationRequest(w.Inspectors[2], "KC-X", new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1)))).ProblemErrorsAsync();

        Assert.Equal(["post", "posts", "expiresOn"], new[] { post, posts, certificate }.Select(e => string.Join(",", e.Keys)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SelectionCases.CountAsync(x => x.OrganizationId == w.Organization)));
        Assert.Equal(0, await app.WithDbAsync(db => db.InspectionQualifications.CountAsync(x => x.PersonId == w.Inspectors[2])));

        var added = await (await admin.PostJsonAsync(SelectionEndpoints.QualificationsRoute, new AddQualificationRequest(w.Inspectors[2], Demo.UniqueCode("KC"), new DateOnly(2025, 3, 1), new DateOnly(2028, 2, 28)))).ReadAsync<QualificationView>();
        Assert.True(added.Valid);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SelectionCaseSqliteTests(SqliteApp app) : SelectionCaseTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SelectionCasePostgresTests(PostgresApp app) : SelectionCaseTests(app);
