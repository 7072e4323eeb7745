using System.Data.Common;
using System.Net;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Meetings.DemocraticLife;

/// <summary>
/// Democratic life meetings over HTTP on a real database (DLM-1 … DLM-4): preparation checklist and held, postpone,
/// problems and rectifications with quality, the carry-over into the next meeting, the anonymous opinion form, and
/// scope. Each test works on a branch of its own, so its history is its own.
/// </summary>
public abstract class DemocraticLifeTests(AppFixture app)
{
    private const string Route = DlmSetup.Route;

    private static DateOnly Today => DlmSetup.Today;

    [Fact]
    public async Task Create_ThenChecklist_HeldRefusedUntilAllThreeConfirmed_ThenHeld()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await api.PostJsonAsync(Route, new CreateDemocraticLifeRequest(branch.OrgId, 2026, "2026年度民主生活会", Today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedDemocraticLife>();
        var m = created.Meeting;
        Assert.Equal(DemocraticLifeStatus.Preparing, m.Status);
        Assert.True(m.AcceptsOpinions);
        Assert.Contains("/public/dlm/", created.OpinionLink, StringComparison.Ordinal);
        Assert.All(m.Checklist, c => Assert.False(c.Confirmed));
        Assert.Equal(branch.Team, m.Team.Select(t => t.PersonId));

        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/checklist/People", new ChecklistRequest(true, m.Version))).ReadAsync<DemocraticLifeView>();
        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/checklist/Time", new ChecklistRequest(true, m.Version))).ReadAsync<DemocraticLifeView>();
        var people = m.Checklist.Single(c => c.Item == PreparationItem.People);
        Assert.Equal(Demo.OrgAdminA, people.ConfirmedBy);
        Assert.NotNull(people.ConfirmedAt);
        Assert.False(m.Ready);

        var refused = await api.PostJsonAsync($"{Route}/{m.Id}/held", new HeldRequest(Today, m.Version));
        var errors = await refused.ProblemErrorsAsync();
        Assert.Equal(["checklist.opinions"], errors.Keys);
        Assert.Contains("意见到位", errors["checklist.opinions"][0], StringComparison.Ordinal);
        Assert.Equal(DemocraticLifeStatus.Preparing, (await api.GetMeetingAsync(m.Id)).Status);

        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/checklist/Opinions", new ChecklistRequest(true, m.Version))).ReadAsync<DemocraticLifeView>();
        Assert.True(m.Ready);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostJsonAsync($"{Route}/{m.Id}/held", new HeldRequest(Today.AddDays(1), m.Version))).StatusCode);
        m = await (await api.PostJsonAsync($"{Route}/{m.Id}/held", new HeldRequest(Today, m.Version))).ReadAsync<DemocraticLifeView>();

        Assert.Equal(DemocraticLifeStatus.Held, m.Status);
        Assert.Equal(Today, m.HeldDate);
        Assert.False(m.AcceptsOpinions);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutJsonAsync($"{Route}/{m.Id}/checklist/People", new ChecklistRequest(false, m.Version))).StatusCode);
        var closed = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "DemocraticLifeMeeting.OpinionsClosed" && a.EntityId == m.Id.ToString()).Select(a => a.After).SingleAsync());
        Assert.Contains("\"Opinions\":0", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postpone_NeedsReasonAndLaterDate_KeepsTheOldDate_TimeToConfirmAgain()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2026, Today.AddDays(2))).Meeting;
        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/checklist/Time", new ChecklistRequest(true, m.Version))).ReadAsync<DemocraticLifeView>();

        var noReason = await (await api.PostJsonAsync($"{Route}/{m.Id}/postpone", new PostponeRequest(Today.AddDays(20), " ", m.Version))).ProblemErrorsAsync();
        Assert.Contains("reason", noReason.Keys);
        var earlier = await (await api.PostJsonAsync($"{Route}/{m.Id}/postpone", new PostponeRequest(Today.AddDays(1), "人员未到位", m.Version))).ProblemErrorsAsync();
        Assert.Contains("newDate", earlier.Keys);

        m = await (await api.PostJsonAsync($"{Route}/{m.Id}/postpone", new PostponeRequest(Today.AddDays(20), "意见征求不充分，责成推迟召开", m.Version))).ReadAsync<DemocraticLifeView>();

        Assert.Equal(DemocraticLifeStatus.Postponed, m.Status);
        Assert.Equal(Today.AddDays(20), m.PlannedDate);
        Assert.Equal(Today.AddDays(2), m.PostponedFrom);
        Assert.Equal("意见征求不充分，责成推迟召开", m.PostponeReason);
        Assert.False(m.Checklist.Single(c => c.Item == PreparationItem.Time).Confirmed);
        Assert.True(m.AcceptsOpinions);
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_409_AndNothingChanged()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2026)).Meeting;
        var edited = await (await api.PutJsonAsync($"{Route}/{m.Id}", new UpdateDemocraticLifeRequest(2026, m.Theme + "（修改）", m.PlannedDate, m.Version))).ReadAsync<DemocraticLifeView>();
        Assert.Equal(m.Version + 1, edited.Version);

        var stale = await api.PutJsonAsync($"{Route}/{m.Id}", new UpdateDemocraticLifeRequest(2026, "旧版本的修改", m.PlannedDate, m.Version));
        var staleLeader = await api.PutJsonAsync($"{Route}/{m.Id}/superior-leader", new SuperiorLeaderRequest("王强", "区委常委", m.Version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleLeader.StatusCode);
        var now = await api.GetMeetingAsync(m.Id);
        Assert.Equal(m.Theme + "（修改）", now.Theme);
        Assert.Null(now.SuperiorLeaderName);
        Assert.Equal(edited.Version, now.Version);
    }

    [Fact]
    public async Task SuperiorLeader_Recorded_AndBadInputNamedByField()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2026)).Meeting;

        var bad = await (await api.PutJsonAsync($"{Route}/{m.Id}/superior-leader", new SuperiorLeaderRequest("", new string('长', 101), m.Version))).ProblemErrorsAsync();
        Assert.Equal(["name", "title"], bad.Keys.Order(StringComparer.Ordinal));
        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/superior-leader", new SuperiorLeaderRequest("王强", "区委常委、组织部部长", m.Version))).ReadAsync<DemocraticLifeView>();

        Assert.Equal(("王强", "区委常委、组织部部长"), (m.SuperiorLeaderName, m.SuperiorLeaderTitle));
        var invalid = await (await api.PostJsonAsync(Route, new CreateDemocraticLifeRequest(branch.OrgId, 1999, "", null))).ProblemErrorsAsync();
        Assert.Equal(["plannedDate", "theme", "year"], invalid.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProblemsAndRectifications_PerMember_QualityFollowsTheMeasures()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2025, Today.AddDays(-30))).Meeting;
        Assert.Null(m.Quality.Percent);

        m = await api.AddProblemAsync(m.Id, branch.Team[0], "理论学习不系统");
        m = await api.AddProblemAsync(m.Id, branch.Team[1], "下村调研偏少", ProblemKind.Criticism, branch.Names[0]);
        var outsider = await (await api.PostJsonAsync($"{Route}/{m.Id}/problems", new ProblemRequest((await app.TownshipsAsync()).PersonOfA, ProblemKind.SelfCriticism, null, "不是班子成员"))).ProblemErrorsAsync();
        Assert.Equal(["personId"], outsider.Keys);

        var criticism = m.Problem("下村调研偏少");
        Assert.Equal((ProblemKind.Criticism, branch.Names[0], branch.Names[1]), (criticism.Kind, criticism.RaisedBy, criticism.PersonName));
        Assert.Equal(branch.Team[1], m.Members.Single(x => x.Problems.Contains(criticism)).PersonId);
        Assert.Equal(new QualityView(2, 0, 0), m.Quality);

        m = await api.AddMeasureAsync(m.Id, m.Problem("理论学习不系统").Id, "每月自学二十五学时", Today.AddDays(-1), branch.Names[0]);
        m = await api.AddMeasureAsync(m.Id, m.Problem("理论学习不系统").Id, "撰写学习心得", Today.AddDays(30), branch.Names[0]);
        m = await api.AddMeasureAsync(m.Id, criticism.Id, "每季度蹲点三天", Today.AddDays(60), branch.Names[1]);
        Assert.True(m.Measure("每月自学二十五学时").Overdue);
        Assert.False(m.Measure("撰写学习心得").Overdue);

        var first = m.Measure("每月自学二十五学时");
        var noEvidence = await (await api.PostJsonAsync($"{Route}/{m.Id}/rectifications/{first.Id}/complete", new CompleteRectificationRequest(Today, null, first.Version))).ProblemErrorsAsync();
        Assert.Equal(["evidence"], noEvidence.Keys);
        m = await (await api.PostJsonAsync($"{Route}/{m.Id}/rectifications/{first.Id}/complete", new CompleteRectificationRequest(Today, "学习笔记四篇", first.Version))).ReadAsync<DemocraticLifeView>();
        Assert.Equal((RectificationStatus.Done, Today, false), (m.Measure("每月自学二十五学时").Status, m.Measure("每月自学二十五学时").DoneOn, m.Measure("每月自学二十五学时").Overdue));
        Assert.Equal(new QualityView(2, 0, 0), m.Quality);

        var second = m.Measure("撰写学习心得");
        m = await (await api.PostJsonAsync($"{Route}/{m.Id}/rectifications/{second.Id}/complete", new CompleteRectificationRequest(Today, "心得两篇", second.Version))).ReadAsync<DemocraticLifeView>();
        Assert.True(m.Problem("理论学习不系统").Resolved);
        Assert.Equal(new QualityView(2, 1, 50), m.Quality);

        var stale = await api.PostJsonAsync($"{Route}/{m.Id}/rectifications/{second.Id}/reopen", new DemocraticLifeVersionRequest(second.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        second = m.Measure("撰写学习心得");
        m = await (await api.PostJsonAsync($"{Route}/{m.Id}/rectifications/{second.Id}/reopen", new DemocraticLifeVersionRequest(second.Version))).ReadAsync<DemocraticLifeView>();
        Assert.Equal(new QualityView(2, 0, 0), m.Quality);

        var measure = m.Measure("每季度蹲点三天");
        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/rectifications/{measure.Id}", new RectificationRequest("每季度蹲点不少于三天", "支部书记", Today.AddDays(90), null, measure.Version))).ReadAsync<DemocraticLifeView>();
        Assert.Equal(("支部书记", Today.AddDays(90)), (m.Measure("每季度蹲点不少于三天").Owner, m.Measure("每季度蹲点不少于三天").Deadline));
    }

    [Fact]
    public async Task CompleteMany_TickedMeasures_OneRequest_AllOrNothing_StaleIs409()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2025, Today.AddDays(-30))).Meeting;
        m = await api.AddProblemAsync(m.Id, branch.Team[0], "理论学习不系统");
        foreach (var measure in new[] { "每月自学", "撰写心得", "讲一次党课" })
        {
            m = await api.AddMeasureAsync(m.Id, m.Problem("理论学习不系统").Id, measure, Today.AddDays(10), branch.Names[0]);
        }

        var done = m.Measure("讲一次党课");
        m = await (await api.PostJsonAsync($"{Route}/{m.Id}/rectifications/{done.Id}/complete", new CompleteRectificationRequest(Today, "党课讲稿", done.Version))).ReadAsync<DemocraticLifeView>();
        var url = $"{Route}/{m.Id}/rectifications/complete";
        RowVersion Row(string measure) => new(m.Measure(measure).Id, m.Measure(measure).Version);

        var refused = await (await api.PostJsonAsync(url, new CompleteRectificationsRequest([Row("每月自学"), Row("讲一次党课")], Today, "学习笔记"))).ProblemErrorsAsync();
        var stale = await api.PostJsonAsync(url, new CompleteRectificationsRequest([Row("每月自学"), Row("撰写心得") with { Version = 99 }], Today, "学习笔记"));
        Assert.Equal(["rows[1].status"], refused.Keys);
        Assert.StartsWith("第 2 行（讲一次党课）：", refused["rows[1].status"][0]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(m, Http.Json), System.Text.Json.JsonSerializer.Serialize(await api.GetMeetingAsync(m.Id), Http.Json));

        m = await (await api.PostJsonAsync(url, new CompleteRectificationsRequest([Row("每月自学"), Row("撰写心得")], null, "学习笔记"))).ReadAsync<DemocraticLifeView>();

        Assert.All(new[] { "每月自学", "撰写心得" }, x => Assert.Equal((RectificationStatus.Done, Today, "学习笔记"), (m.Measure(x).Status, m.Measure(x).DoneOn, m.Measure(x).Evidence)));
        Assert.Equal("党课讲稿", m.Measure("讲一次党课").Evidence);
        Assert.True(m.Problem("理论学习不系统").Resolved);
        string[] ids = [Row("每月自学").Id.ToString(), Row("撰写心得").Id.ToString()];
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "DemocraticLifeRectification.Completed" && ids.Contains(a.EntityId)).CountAsync());
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task SecondMeeting_ShowsTheFirstsOpenRectifications_CompletingOneThereRaisesTheFirstsQuality()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var first = (await api.CreateMeetingAsync(branch, 2025, Today.AddDays(-200), "2025年度民主生活会")).Meeting;
        first = await api.HoldAsync(first, Today.AddDays(-200));
        first = await api.AddProblemAsync(first.Id, branch.Team[0], "学习不够");
        first = await api.AddProblemAsync(first.Id, branch.Team[1], "调研不够");
        first = await api.AddMeasureAsync(first.Id, first.Problem("学习不够").Id, "制定学习计划", Today.AddDays(-100));
        first = await api.AddMeasureAsync(first.Id, first.Problem("调研不够").Id, "蹲点调研", Today.AddDays(-10));
        var plan = first.Measure("制定学习计划");
        first = await (await api.PostJsonAsync($"{Route}/{first.Id}/rectifications/{plan.Id}/complete", new CompleteRectificationRequest(Today.AddDays(-120), "计划已报备", plan.Version))).ReadAsync<DemocraticLifeView>();
        Assert.Equal(new QualityView(2, 1, 50), first.Quality);
        Assert.Empty(first.CarriedOver);
        Assert.Null(first.PreviousMeetingId);

        var second = (await api.CreateMeetingAsync(branch, 2026, Today.AddDays(10), "2026年度民主生活会")).Meeting;

        Assert.Equal(first.Id, second.PreviousMeetingId);
        var carried = Assert.Single(second.CarriedOver);
        var open = first.Measure("蹲点调研");
        Assert.Equal((first.Id, 2025, open.Id, "调研不够", branch.Names[1]), (carried.MeetingId, carried.MeetingYear, carried.Rectification.Id, carried.ProblemText, carried.PersonName));
        Assert.True(carried.Rectification.Overdue);

        var page = await (await app.SignInAsync(Demo.OrgAdminA)).PageAsync($"/meetings/democratic-life/{second.Id}");
        Assert.Contains($"data-carried-from=\"{first.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-rectification=\"{open.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("蹲点调研", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("data-carry-over", StringComparison.Ordinal) < page.IndexOf("id=\"checklist\"", StringComparison.Ordinal), "the carry-over is not at the top");

        second = await (await api.PostJsonAsync($"{Route}/{second.Id}/rectifications/{open.Id}/complete", new CompleteRectificationRequest(Today, "调研报告已印发", carried.Rectification.Version))).ReadAsync<DemocraticLifeView>();

        Assert.Empty(second.CarriedOver);
        first = await api.GetMeetingAsync(first.Id);
        Assert.Equal(new QualityView(2, 2, 100), first.Quality);
        Assert.Equal((RectificationStatus.Done, "调研报告已印发"), (first.Measure("蹲点调研").Status, first.Measure("蹲点调研").Evidence));
        var rows = await app.WithDbAsync(db => db.DemocraticLifeRectifications.CountAsync(r => r.Measure == "蹲点调研" && db.DemocraticLifeProblems.Any(p => p.Id == r.ProblemId && p.MeetingId == second.Id)));
        Assert.Equal(0, rows);

        var history = await (await api.GetAsync($"{Route}/quality?organizationId={branch.OrgId}")).ReadAsync<OrganizationQuality>();
        Assert.Equal([(first.Id, 100.0), (second.Id, (double?)null)], history.Meetings.Select(x => (x.MeetingId, x.Quality.Percent)));

        // A later meeting's rectification cannot be worked from an earlier meeting, nor another organization's from here.
        second = await api.AddProblemAsync(second.Id, branch.Team[2], "作风不实");
        second = await api.AddMeasureAsync(second.Id, second.Problem("作风不实").Id, "改进作风", Today.AddDays(30));
        var later = second.Measure("改进作风");
        var fromEarlier = await api.PostJsonAsync($"{Route}/{first.Id}/rectifications/{later.Id}/complete", new CompleteRectificationRequest(Today, "x", later.Version));
        Assert.Equal(HttpStatusCode.NotFound, fromEarlier.StatusCode);
        var other = await app.DlmBranchAsync();
        var otherMeeting = (await api.CreateMeetingAsync(other, 2027)).Meeting;
        var fromOther = await api.PostJsonAsync($"{Route}/{otherMeeting.Id}/rectifications/{later.Id}/complete", new CompleteRectificationRequest(Today, "x", later.Version));
        Assert.Equal(HttpStatusCode.NotFound, fromOther.StatusCode);
        Assert.Equal(RectificationStatus.Open, (await api.GetMeetingAsync(second.Id)).Measure("改进作风").Status);
    }

    [Fact]
    public async Task AnonymousOpinion_ThroughThePublicPageWithoutSignIn_StoresOnlyTextKindAndDay()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var created = await api.CreateMeetingAsync(branch, 2026, Today.AddDays(14));
        var token = DlmSetup.TokenOf(created.OpinionLink);
        var text = "希望班子成员多下村听意见" + Demo.UniqueCode("#");
        var logLinesBefore = app.Logs.Lines.Count;
        var phone = app.Phone();

        var form = await phone.PageAsync($"/public/dlm/{token}");
        Assert.Contains(created.Meeting.Theme, form, StringComparison.Ordinal);
        Assert.Contains(branch.Name, form, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);

        var noKind = await phone.SubmitOpinionAsync(token, null, text);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noKind.Status);
        Assert.Contains("data-field=\"source\"", noKind.Body, StringComparison.Ordinal);
        var withoutAntiforgery = await app.Phone().PostAsync($"/public/dlm/{token}", DlmSetup.OpinionForm("", "Resident", text));
        Assert.Equal(HttpStatusCode.BadRequest, withoutAntiforgery.StatusCode);

        var (status, body) = await phone.SubmitOpinionAsync(token, "Resident", text);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-outcome=\"accepted\"", body, StringComparison.Ordinal);
        Assert.Contains("no-store", (await phone.GetAsync($"/public/dlm/{token}")).Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var opinions = await (await api.GetAsync($"{Route}/{created.Meeting.Id}/opinions")).ReadAsync<List<OpinionView>>();
        var opinion = Assert.Single(opinions);
        Assert.Equal((OpinionSource.Resident, text, Today, (string?)null), (opinion.Source, opinion.Text, opinion.ReceivedOn, opinion.SubmitterName));
        Assert.Equal(4, opinion.Id.Version);
        Assert.Equal(1, (await api.GetMeetingAsync(created.Meeting.Id)).OpinionCount);

        await app.WithDbAsync(async db =>
        {
            // The row: text, kind, day, the meeting, a random key; a submitter's name only when staff record a named one.
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var columns = await ColumnsAsync(conn, app.ProviderName, "DemocraticLifeOpinions");
                Assert.Equal(["Id", "MeetingId", "ReceivedOn", "Source", "SubmitterName", "Text"], columns.Select(c => c.Name).Order(StringComparer.Ordinal));
                Assert.DoesNotContain(columns, c => c.Type.Contains("time", StringComparison.OrdinalIgnoreCase) && c.Name != "ReceivedOn");
                if (app.ProviderName == "Sqlite")
                {
                    // WITHOUT ROWID: no hidden row number keeps the order opinions came in.
                    await using var rowid = conn.CreateCommand();
                    rowid.CommandText = "SELECT rowid FROM \"DemocraticLifeOpinions\"";
                    await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => rowid.ExecuteScalarAsync());
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            var row = await db.DemocraticLifeOpinions.AsNoTracking().SingleAsync(o => o.MeetingId == created.Meeting.Id);
            Assert.Null(row.SubmitterName);
            Assert.Equal(Today, row.ReceivedOn);

            // Nothing in the audit log names, times or even mentions it.
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityId == row.Id.ToString() || (a.After != null && a.After.Contains(text))));
            return 0;
        });

        var logged = app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text).ToList();
        Assert.DoesNotContain(logged, l => l.Contains(text, StringComparison.Ordinal) || l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicForm_ClosedOnceHeld_OldLinkDeadAfterANewOne_UnknownLink404()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var created = await api.CreateMeetingAsync(branch, 2026);
        var oldToken = DlmSetup.TokenOf(created.OpinionLink);
        var link = await (await api.PostAsync($"{Route}/{created.Meeting.Id}/opinion-link", null)).ReadAsync<OpinionLinkView>();
        var token = DlmSetup.TokenOf(link.OpinionLink);
        Assert.NotEqual(oldToken, token);

        var dead = await app.AnonymousClient().GetAsync($"/public/dlm/{oldToken}");
        Assert.Equal(HttpStatusCode.NotFound, dead.StatusCode);
        Assert.Contains("data-outcome=\"not-found\"", await dead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(branch.Name, WebUtility.HtmlDecode(await dead.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync("/public/dlm/not-a-token")).StatusCode);

        var phone = app.Phone();
        var antiforgery = await phone.OpenFormAsync(token);
        await api.HoldAsync(await api.GetMeetingAsync(created.Meeting.Id));

        var closedPage = await app.AnonymousClient().GetAsync($"/public/dlm/{token}");
        Assert.Equal(HttpStatusCode.Conflict, closedPage.StatusCode);
        Assert.Contains("data-outcome=\"closed\"", await closedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var late = await phone.PostAsync($"/public/dlm/{token}", DlmSetup.OpinionForm(antiforgery, "Cadre", "会后才提交的意见"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DemocraticLifeOpinions.CountAsync(o => o.MeetingId == created.Meeting.Id)));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"{Route}/{created.Meeting.Id}/opinion-link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostJsonAsync($"{Route}/{created.Meeting.Id}/opinions", new OpinionRequest(OpinionSource.Cadre, "会后", null))).StatusCode);
    }

    [Fact]
    public async Task ClosingTheForm_RewritesTheOpinionsWithNewIds_KeepingEveryText()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var created = await api.CreateMeetingAsync(branch, 2026);
        var token = DlmSetup.TokenOf(created.OpinionLink);
        string[] texts = ["第一条意见", "第二条意见", "第三条意见"];
        foreach (var text in texts)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Phone().SubmitOpinionAsync(token, "Resident", text)).Status);
        }

        var before = await app.WithDbAsync(db => db.DemocraticLifeOpinions.Where(o => o.MeetingId == created.Meeting.Id).Select(o => o.Id).ToListAsync());
        await api.HoldAsync(await api.GetMeetingAsync(created.Meeting.Id));

        var after = await app.WithDbAsync(db => db.DemocraticLifeOpinions.Where(o => o.MeetingId == created.Meeting.Id).Select(o => new { o.Id, o.Text }).ToListAsync());
        Assert.Equal(texts.Order(StringComparer.Ordinal), after.Select(o => o.Text).Order(StringComparer.Ordinal));
        Assert.Empty(after.Select(o => o.Id).Intersect(before));
    }

    [Fact]
    public async Task StaffOpinion_FromATalk_NamedOnlyWhenGiven()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2026)).Meeting;

        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync($"{Route}/{m.Id}/opinions", new OpinionRequest(OpinionSource.Cadre, "座谈会上提出：会议太多", "李明"))).StatusCode);
        var list = await (await api.PostJsonAsync($"{Route}/{m.Id}/opinions", new OpinionRequest(OpinionSource.Member, "匿名来信：作风要实", " "))).ReadAsync<List<OpinionView>>();
        var bad = await (await api.PostJsonAsync($"{Route}/{m.Id}/opinions", new OpinionRequest(null, "", null))).ProblemErrorsAsync();

        Assert.Equal(["source", "text"], bad.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, list.Count);
        Assert.Equal("李明", list.Single(o => o.Source == OpinionSource.Cadre).SubmitterName);
        Assert.Null(list.Single(o => o.Source == OpinionSource.Member).SubmitterName);
    }

    [Fact]
    public async Task OrgAdminA_IsRefusedTownshipBsMeeting_AndNothingChanges()
    {
        var branchB = await app.DlmBranchAsync(townshipB: true);
        var apiB = await app.ClientForAsync(Demo.OrgAdminB);
        var meeting = (await apiB.CreateMeetingAsync(branchB, 2026, theme: "乙镇民主生活会" + Demo.UniqueCode(""))).Meeting;
        meeting = await apiB.AddProblemAsync(meeting.Id, branchB.Team[0], "乙镇的问题");
        meeting = await apiB.AddMeasureAsync(meeting.Id, meeting.Problem("乙镇的问题").Id, "乙镇的整改", Today.AddDays(9));
        var problem = meeting.Problem("乙镇的问题");
        var measure = meeting.Measure("乙镇的整改");
        var before = await apiB.GetMeetingAsync(meeting.Id);
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var id = meeting.Id;
        var v = meeting.Version;

        var requests = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"{Route}/{id}", null),
            (HttpMethod.Get, $"{Route}?organizationId={branchB.OrgId}", null),
            (HttpMethod.Get, $"{Route}/quality?organizationId={branchB.OrgId}", null),
            (HttpMethod.Get, $"{Route}/{id}/opinions", null),
            (HttpMethod.Get, $"{Route}/{id}/rectifications/export", null),
            (HttpMethod.Post, Route, new CreateDemocraticLifeRequest(branchB.OrgId, 2027, "甲镇替乙镇建会", Today)),
            (HttpMethod.Put, $"{Route}/{id}", new UpdateDemocraticLifeRequest(2026, "甲镇改的", Today, v)),
            (HttpMethod.Put, $"{Route}/{id}/checklist/People", new ChecklistRequest(true, v)),
            (HttpMethod.Post, $"{Route}/{id}/postpone", new PostponeRequest(Today.AddDays(60), "甲镇推迟", v)),
            (HttpMethod.Post, $"{Route}/{id}/held", new HeldRequest(Today, v)),
            (HttpMethod.Put, $"{Route}/{id}/superior-leader", new SuperiorLeaderRequest("甲镇", null, v)),
            (HttpMethod.Post, $"{Route}/{id}/opinions", new OpinionRequest(OpinionSource.Cadre, "甲镇的意见", null)),
            (HttpMethod.Post, $"{Route}/{id}/opinion-link", null),
            (HttpMethod.Post, $"{Route}/{id}/problems", new ProblemRequest(branchB.Team[1], ProblemKind.SelfCriticism, null, "甲镇加的问题")),
            (HttpMethod.Put, $"{Route}/{id}/problems/{problem.Id}", new ProblemRequest(branchB.Team[0], ProblemKind.SelfCriticism, null, "甲镇改的问题", problem.Version)),
            (HttpMethod.Post, $"{Route}/{id}/problems/{problem.Id}/rectifications", new RectificationRequest("甲镇的措施", "甲", Today, null)),
            (HttpMethod.Put, $"{Route}/{id}/rectifications/{measure.Id}", new RectificationRequest("甲镇改的措施", "甲", Today, null, measure.Version)),
            (HttpMethod.Post, $"{Route}/{id}/rectifications/{measure.Id}/complete", new CompleteRectificationRequest(Today, "甲镇", measure.Version)),
            (HttpMethod.Post, $"{Route}/{id}/rectifications/{measure.Id}/reopen", new DemocraticLifeVersionRequest(measure.Version)),
            (HttpMethod.Post, $"{Route}/{id}/rectifications/complete", new CompleteRectificationsRequest([new RowVersion(measure.Id, measure.Version)], Today, "甲镇")),
        };
        foreach (var (method, url, body) in requests)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent(body) };
            var response = await a.SendAsync(request);
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(meeting.Theme, text, StringComparison.Ordinal);
            Assert.DoesNotContain("乙镇的问题", text, StringComparison.Ordinal);
        }

        var after = await apiB.GetMeetingAsync(meeting.Id);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before, Http.Json), System.Text.Json.JsonSerializer.Serialize(after, Http.Json));
        Assert.Equal(0, after.OpinionCount);
        Assert.Equal(1, await app.WithDbAsync(db => db.DemocraticLifeMeetings.CountAsync(m => m.OrganizationId == branchB.OrgId)));

        var listOfA = await (await a.GetAsync($"{Route}?pageSize=200")).ReadAsync<Paged<DemocraticLifeRow>>();
        Assert.DoesNotContain(listOfA.Items, r => r.Id == meeting.Id || r.OrganizationId == branchB.OrgId);
        var t = await app.TownshipsAsync();
        Assert.DoesNotContain(listOfA.Items, r => r.OrganizationId == t.B);
    }

    [Fact]
    public async Task OrgAdminA_PagesOfTownshipBsMeeting_ShowTheRefusalAndNoneOfIt()
    {
        var branchB = await app.DlmBranchAsync(townshipB: true);
        var apiB = await app.ClientForAsync(Demo.OrgAdminB);
        var meeting = (await apiB.CreateMeetingAsync(branchB, 2026, theme: "乙镇民主生活会" + Demo.UniqueCode(""))).Meeting;
        meeting = await apiB.AddProblemAsync(meeting.Id, branchB.Team[0], "乙镇班子的问题");
        var client = await app.SignInAsync(Demo.OrgAdminA);

        foreach (var path in new[] { $"/meetings/democratic-life/{meeting.Id}", $"/meetings/democratic-life/{meeting.Id}/rectifications", $"/meetings/democratic-life?organizationId={branchB.OrgId}" })
        {
            var html = await client.PageAsync(path);
            Assert.Contains("data-refused", html, StringComparison.Ordinal);
            Assert.DoesNotContain(meeting.Theme, html, StringComparison.Ordinal);
            Assert.DoesNotContain("乙镇班子的问题", html, StringComparison.Ordinal);
            Assert.DoesNotContain(branchB.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(branchB.Names[0], html, StringComparison.Ordinal);
        }

        var list = await client.PageAsync("/meetings/democratic-life");
        Assert.DoesNotContain(meeting.Theme, list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refused", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ListMeetingAndPrint_ShowTheMeeting_OverdueMarked_ExportHasTheList()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var m = (await api.CreateMeetingAsync(branch, 2026, Today.AddDays(-5), "页面测试民主生活会" + Demo.UniqueCode(""))).Meeting;
        m = await (await api.PutJsonAsync($"{Route}/{m.Id}/superior-leader", new SuperiorLeaderRequest("王强", "区委常委、组织部部长", m.Version))).ReadAsync<DemocraticLifeView>();
        m = await api.AddProblemAsync(m.Id, branch.Team[0], "服务群众意识不强");
        m = await api.AddMeasureAsync(m.Id, m.Problem("服务群众意识不强").Id, "公开值班表", Today.AddDays(-2), branch.Names[0]);
        var overdue = m.Measure("公开值班表");
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var list = await client.PageAsync($"/meetings/democratic-life?organizationId={branch.OrgId}");
        Assert.Contains(m.Theme, list, StringComparison.Ordinal);
        Assert.Contains($"href=\"meetings/democratic-life/{m.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Preparing\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"meetings/democratic-life\"", list, StringComparison.Ordinal);
        var empty = await client.PageAsync($"/meetings/democratic-life?organizationId={branch.OrgId}&year=2031");
        Assert.Contains("data-empty=\"true\"", empty, StringComparison.Ordinal);

        var page = await client.PageAsync($"/meetings/democratic-life/{m.Id}");
        Assert.DoesNotContain("data-refused", page, StringComparison.Ordinal);
        Assert.Contains(m.Theme, page, StringComparison.Ordinal);
        Assert.Contains("人员到位", page, StringComparison.Ordinal);
        Assert.Contains("data-confirmed=\"false\"", page, StringComparison.Ordinal);
        Assert.Contains("王强", page, StringComparison.Ordinal);
        Assert.Contains("服务群众意识不强", page, StringComparison.Ordinal);
        Assert.Contains($"data-rectification=\"{overdue.Id}\" data-status=\"Open\" data-overdue=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("已逾期", page, StringComparison.Ordinal);
        Assert.Contains("data-quality=\"0\"", page, StringComparison.Ordinal);

        var print = await client.PageAsync($"/meetings/democratic-life/{m.Id}/rectifications");
        Assert.Contains("公开值班表", print, StringComparison.Ordinal);
        Assert.Contains("整改清单", print, StringComparison.Ordinal);
        Assert.Contains("（已逾期）", print, StringComparison.Ordinal);

        var export = await client.GetAsync($"/api/v1/meetings/democratic-life/{m.Id}/rectifications/export");
        Assert.Equal(ExcelFile.ContentType, export.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("公开值班表", row["整改措施"]);
        Assert.Equal(branch.Names[0], row["班子成员"]);
        Assert.Equal("已逾期", row["逾期"]);
    }

    [Fact]
    public async Task DemoDistrict_TownshipA_ThisYearsMeetingCarriesLastYearsOpenRectifications()
    {
        var t = await app.TownshipsAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var year = Today.Year;

        var lastYear = (await (await api.GetAsync($"{Route}?organizationId={t.A}&year={year - 1}")).ReadAsync<Paged<DemocraticLifeRow>>()).Items
            .Single(r => r.Theme == $"{year - 1}年度领导班子民主生活会");
        var thisYear = (await (await api.GetAsync($"{Route}?organizationId={t.A}&year={year}")).ReadAsync<Paged<DemocraticLifeRow>>()).Items
            .Single(r => r.Theme == $"{year}年度领导班子民主生活会");

        Assert.Equal(DemocraticLifeStatus.Held, lastYear.Status);
        Assert.True(lastYear.OpenRectifications > 0);
        Assert.InRange(lastYear.Quality.Percent!.Value, 0, 99.9);
        Assert.Equal(DemocraticLifeStatus.Preparing, thisYear.Status);
        var meeting = await api.GetMeetingAsync(thisYear.Id);
        Assert.Contains(meeting.CarriedOver, c => c.MeetingId == lastYear.Id);
        Assert.NotNull((await api.GetMeetingAsync(lastYear.Id)).SuperiorLeaderName);
        Assert.True(meeting.OpinionCount > 0);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, body.GetType(), Http.Json), System.Text.Encoding.UTF8, "application/json");

    private static async Task<List<(string Name, string Type)>> ColumnsAsync(DbConnection conn, string provider, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = provider == "Sqlite"
            ? $"SELECT name, type FROM pragma_table_info('{table}')"
            : $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'";
        var columns = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemocraticLifeSqliteTests(SqliteApp app) : DemocraticLifeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemocraticLifePostgresTests(PostgresApp app) : DemocraticLifeTests(app);
