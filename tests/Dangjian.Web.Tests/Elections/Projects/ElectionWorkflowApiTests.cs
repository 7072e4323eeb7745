using System.Net;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Tests.Exports;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Elections.Projects;

/// <summary>The election workflow over /api/v1/elections on each database (ELE-1 … ELE-5, ELE-7, ELE-14, ELE-15).</summary>
public abstract class ElectionWorkflowApiTests(AppFixture app)
{
    private static DateOnly Today => OrgToday.Value;

    [Fact]
    public async Task Open_TakesTermFromCurrentTeam_AndDifferentialFromDefaults_SecondOpenRefused()
    {
        var branch = await app.BranchAsync(4);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var project = await client.OpenAsync(branch);

        Assert.Equal(ElectionFixture.CurrentTerm + 1, project.TermNumber);
        Assert.Equal(branch.TermEndsOn, project.CurrentTermEndsOn);
        Assert.Equal(ElectionStage.Preparation, project.Stage);
        var committee = project.Bodies.Single(b => b.Kind == BodyKind.Committee);
        Assert.Equal((5, 20, 6), (committee.Seats, committee.MinExtraPercent, committee.MinimumCandidates));
        Assert.Equal(0, project.Bodies.Single(b => b.Kind == BodyKind.Secretary).MinExtraPercent);

        var second = await client.PostJsonAsync("/api/v1/elections", new OpenProjectRequest(branch.OrgId, "再开一个", null, null, null, [new BodyRequest(BodyKind.Committee, 3)]));
        Assert.Contains("organizationId", (await second.ProblemErrorsAsync()).Keys);

        var listed = await (await client.GetAsync("/api/v1/elections?stage=Preparation&pageSize=200")).ReadAsync<Paged<ProjectRow>>();
        Assert.Contains(listed.Items, r => r.Id == project.Id && r.Stage == ElectionStage.Preparation);
        var export = await client.GetAsync("/api/v1/elections/export");
        Assert.Equal(ExcelFile.ContentType, export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Open_TwoAtTheSameMoment_OneOpensTheOtherIsRefusedNamingTheOrganization()
    {
        var branch = await app.BranchAsync(3);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ClientForAsync(Demo.OrgAdminA)));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostJsonAsync("/api/v1/elections",
            new OpenProjectRequest(branch.OrgId, $"同时开启 {i}", null, null, null, [new BodyRequest(BodyKind.Committee, 3)]))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("organizationId", (await refused.ProblemErrorsAsync()).Keys);
        }
    }

    [Fact]
    public async Task Open_WithMissingFields_NamesEachField()
    {
        var branch = await app.BranchAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.PostJsonAsync("/api/v1/elections", new OpenProjectRequest(branch.OrgId, " ", null, null, null, [new BodyRequest(null, 0)]));

        Assert.Superset(new HashSet<string> { "title", "bodies[0].kind", "bodies[0].seats" }, (await response.ProblemErrorsAsync()).Keys.ToHashSet());
    }

    [Fact]
    public async Task Update_StaleVersion_Is409_Close_RefusesFurtherChanges()
    {
        var branch = await app.BranchAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var bodies = project.Bodies.Select(b => new BodyRequest(b.Kind, b.Seats)).ToList();

        var first = await (await client.PutJsonAsync($"/api/v1/elections/{project.Id}",
            new UpdateProjectRequest("改过的标题", project.TermNumber, null, null, bodies, project.Version))).ReadAsync<ProjectView>();
        var stale = await client.PutJsonAsync($"/api/v1/elections/{project.Id}", new UpdateProjectRequest("第二人", project.TermNumber, null, null, bodies, project.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var closed = await (await client.PostJsonAsync($"/api/v1/elections/{project.Id}/close", new VersionRequest(first.Version))).ReadAsync<ProjectView>();
        Assert.Equal(ElectionStage.Closed, closed.Stage);
        Assert.Equal("改过的标题", closed.Title);
        var after = await client.PostJsonAsync($"/api/v1/elections/{project.Id}/research", new ResearchRequest(ResearchKind.Visit, Today, 3, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);

        // Closed, the organization may open its next project.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/elections",
            new OpenProjectRequest(branch.OrgId, "下一次", null, null, null, [new BodyRequest(BodyKind.Committee, 3)]))).StatusCode);
    }

    [Fact]
    public async Task ResearchAndTalks_CoverageCountsEachStatus_AndStageMovesToResearch()
    {
        var branch = await app.BranchAsync(6);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var url = $"/api/v1/elections/{project.Id}";

        var bad = await client.PostJsonAsync($"{url}/research", new ResearchRequest(null, null, -1, null, null));
        Assert.Superset(new HashSet<string> { "kind", "heldOn", "participants" }, (await bad.ProblemErrorsAsync()).Keys.ToHashSet());
        var research = await (await client.PostJsonAsync($"{url}/research",
            new ResearchRequest(ResearchKind.Questionnaire, Today, 0, "https://example.org/survey/1", "问卷发放"))).ReadAsync<List<ResearchView>>();
        Assert.Equal(0, Assert.Single(research).Participants);

        var talks = await (await client.PostAsync($"{url}/talks/generate", null)).ReadAsync<TalkOverview>();
        Assert.Equal(6, talks.Coverage.Total);
        Assert.Equal(branch.Members.Order(), talks.Targets.Select(t => t.PersonId).Order());
        var again = await (await client.PostAsync($"{url}/talks/generate", null)).ReadAsync<TalkOverview>();
        Assert.Equal(6, again.Coverage.Total);

        var statuses = new[] { TalkStatus.Talked, TalkStatus.Talked, TalkStatus.Phoned, TalkStatus.MakeUp };
        for (var i = 0; i < statuses.Length; i++)
        {
            var target = talks.Targets[i];
            await (await client.PutJsonAsync($"{url}/talks/{target.Id}", new TalkRequest(statuses[i], Today, null, target.Version))).ReadAsync<TalkOverview>();
        }

        var missingDate = await client.PutJsonAsync($"{url}/talks/{talks.Targets[4].Id}", new TalkRequest(TalkStatus.Talked, null, null, talks.Targets[4].Version));
        Assert.Contains("talkedOn", (await missingDate.ProblemErrorsAsync()).Keys);

        var now = await (await client.GetAsync($"{url}/talks")).ReadAsync<TalkOverview>();
        Assert.Equal((6, 2, 1, 1, 2), (now.Coverage.Total, now.Coverage.Talked, now.Coverage.Phoned, now.Coverage.MakeUp, now.Coverage.NotYet));
        Assert.Equal(66.7, now.Coverage.Percent);
        Assert.Equal(ElectionStage.Research, (await (await client.GetAsync(url)).ReadAsync<ProjectView>()).Stage);
    }

    [Fact]
    public async Task Checklists_GeneratedFromTeamMembersAndStaff_Idempotent_MissingListed()
    {
        var branch = await app.BranchAsync(5);
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var url = $"/api/v1/elections/{project.Id}/checklists";

        var outside = await client.PostJsonAsync($"{url}/generate", new GenerateChecklistsRequest([t.PersonOfB]));
        Assert.Contains("staffPersonIds[0]", (await outside.ProblemErrorsAsync()).Keys);

        var lists = await (await client.PostJsonAsync($"{url}/generate", new GenerateChecklistsRequest([t.PersonOfA]))).ReadAsync<ChecklistOverview>();
        // Must read: 5 members + the staff member; must talk: 3 team members + staff; must train: staff only.
        Assert.Equal([6, 4, 1], lists.PerKind.Select(k => k.Total));
        var again = await (await client.PostJsonAsync($"{url}/generate", new GenerateChecklistsRequest([t.PersonOfA]))).ReadAsync<ChecklistOverview>();
        Assert.Equal(11, again.Items.Count);

        var train = lists.Items.Single(i => i.Kind == ChecklistKind.MustTrain);
        Assert.Equal(ChecklistReason.ElectionStaff, train.Reason);
        var done = await (await client.PutJsonAsync($"{url}/{train.Id}", new ChecklistDoneRequest(Today))).ReadAsync<ChecklistOverview>();
        Assert.Equal(100, done.PerKind.Single(k => k.Kind == ChecklistKind.MustTrain).Percent);
        Assert.DoesNotContain(done.Missing, i => i.Id == train.Id);
        Assert.Equal(10, done.Missing.Count);

        // RPT-2: the checklists export as the table lists them; "not done only" leaves the done one out, as the switch does.
        Assert.Equal(11, (await (await client.GetAsync($"{url}/export")).RowsAsync()).Count);
        var missingSheet = await (await client.GetAsync($"{url}/export?missingOnly=true")).RowsAsync();
        Assert.Equal(10, missingSheet.Count);
        Assert.DoesNotContain(missingSheet, r => r["完成日期"] != "未完成");

        var undone = await (await client.PutJsonAsync($"{url}/{train.Id}", new ChecklistDoneRequest(null))).ReadAsync<ChecklistOverview>();
        Assert.Contains(undone.Missing, i => i.Id == train.Id);
    }

    [Fact]
    public async Task Nominate_EachSource_OnEqualFooting_JointNeedsNominators_OncePerBody_MembersOfSubtreeOnly()
    {
        var branch = await app.BranchAsync(5, ["丁一", "丙二", "乙三", "甲四", "戊五"]);
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var committee = project.Bodies.Single(b => b.Kind == BodyKind.Committee).Id;
        var url = $"/api/v1/elections/{project.Id}/nominees";

        var noNominators = await client.PostJsonAsync(url, new NominateRequest(committee, branch.Members[0], NominationSource.Joint, " ", null, null, null));
        Assert.Contains("jointNominators", (await noNominators.ProblemErrorsAsync()).Keys);

        await client.NominateAsync(project.Id, committee, branch.Members[3], NominationSource.Superior);
        var joint = await client.NominateAsync(project.Id, committee, branch.Members[2], NominationSource.Joint, "张三、李四、王五");
        await client.NominateAsync(project.Id, committee, branch.Members[1], NominationSource.Self);
        await client.NominateAsync(project.Id, committee, branch.Members[0], NominationSource.PublicRecommendation);
        Assert.Equal("张三、李四、王五", joint.JointNominators);
        Assert.Equal(Enum.GetValues<VettingKind>(), joint.Checks.Select(c => c.Kind));
        Assert.All(joint.Checks, c => Assert.Equal(VettingResult.Open, c.Result));
        Assert.Equal(4, joint.Blockers.Count);

        var twice = await client.PostJsonAsync(url, new NominateRequest(committee, branch.Members[3], NominationSource.Self, null, null, null, null));
        Assert.Contains("personId", (await twice.ProblemErrorsAsync()).Keys);
        var outside = await client.PostJsonAsync(url, new NominateRequest(committee, t.PersonOfB, NominationSource.Self, null, null, null, null));
        Assert.Contains("personId", (await outside.ProblemErrorsAsync()).Keys);

        var all = await (await client.GetAsync(url)).ReadAsync<List<NomineeView>>();
        Assert.Equal(all.Select(n => n.PersonName).Order(StringComparer.Ordinal), all.Select(n => n.PersonName));
        Assert.Equal(4, all.Select(n => n.Source).Distinct().Count());

        // RPT-2: the nominees export in the table's order, with the joint nominators and what blocks each.
        var sheet = await (await client.GetAsync($"{url}/export")).RowsAsync();
        Assert.Equal(all.Select(n => n.PersonName), sheet.Select(r => r["姓名"]));
        Assert.Equal("张三、李四、王五", sheet.Single(r => r["姓名"] == joint.PersonName)["联名提名人"]);
        Assert.All(sheet, r => Assert.NotEqual("可列为候选人", r["不能列为候选人的原因"]));
        Assert.Equal(ElectionStage.Nomination, (await (await client.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>()).Stage);
    }

    [Fact]
    public async Task FixList_OpenCheckNamed_FiveOfFiveRefused_SixAccepted_SecretaryEqualNumberAccepted()
    {
        var branch = await app.BranchAsync(8);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var committee = project.Bodies.Single(b => b.Kind == BodyKind.Committee);
        var secretary = project.Bodies.Single(b => b.Kind == BodyKind.Secretary);
        var nominees = new List<NomineeView>();
        for (var i = 0; i < 6; i++)
        {
            nominees.Add(await client.VetAsync(project.Id, await client.NominateAsync(project.Id, committee.Id, branch.Members[i])));
        }

        var blocked = await client.VetAsync(project.Id, await client.NominateAsync(project.Id, committee.Id, branch.Members[6]), VettingKind.Petitions);
        Assert.Equal(["Open.Petitions"], blocked.Blockers);
        var listUrl = $"/api/v1/elections/{project.Id}/bodies/{committee.Id}/list";

        var withBlocked = await client.PostJsonAsync(listUrl, new FixListRequest([.. nominees.Take(5).Select(n => n.Id), blocked.Id], committee.Version));
        var message = string.Join(" ", (await withBlocked.ProblemErrorsAsync())["nomineeIds"]);
        Assert.Contains(blocked.PersonName, message, StringComparison.Ordinal);
        Assert.DoesNotContain(nominees[0].PersonName, message, StringComparison.Ordinal);

        var five = await client.PostJsonAsync(listUrl, new FixListRequest(nominees.Take(5).Select(n => n.Id).ToList(), committee.Version));
        var tooFew = string.Join(" ", (await five.ProblemErrorsAsync())["nomineeIds"]);
        Assert.Contains("5 个名额至少需要 6 名候选人（差额不少于 20%）", tooFew, StringComparison.Ordinal);

        var fixedProject = await (await client.PostJsonAsync(listUrl, new FixListRequest(nominees.Select(n => n.Id).ToList(), committee.Version))).ReadAsync<ProjectView>();
        var fixedBody = fixedProject.Bodies.Single(b => b.Id == committee.Id);
        Assert.NotNull(fixedBody.ListFixedAt);
        Assert.Equal(6, fixedBody.OnList);
        Assert.Equal(ElectionStage.Candidates, fixedProject.Stage);
        var all = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees")).ReadAsync<List<NomineeView>>();
        Assert.False(all.Single(n => n.Id == blocked.Id).OnList);

        var sec = await client.VetAsync(project.Id, await client.NominateAsync(project.Id, secretary.Id, branch.Members[0]));
        var secFixed = await client.PostJsonAsync($"/api/v1/elections/{project.Id}/bodies/{secretary.Id}/list", new FixListRequest([sec.Id], secretary.Version));
        Assert.Equal(HttpStatusCode.OK, secFixed.StatusCode);

        // Unfixed while no round exists: the list can be fixed again.
        var unfixed = await (await client.DeleteAsync($"{listUrl}?version={fixedBody.Version}")).ReadAsync<ProjectView>();
        Assert.Null(unfixed.Bodies.Single(b => b.Id == committee.Id).ListFixedAt);
    }

    [Fact]
    public async Task FixList_TwoCandidatesWithTheSameName_IsRefused()
    {
        var branch = await app.BranchAsync(3, ["同名人" + Demo.UniqueCode(""), "", ""]);
        await app.WithDbAsync(async db =>
        {
            var people = db.People.Where(p => branch.Members.Contains(p.Id)).ToList();
            people[1].Name = people[0].Name;
            return await db.SaveChangesAsync();
        });
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Delegates, 1));
        var body = project.Bodies.Single();
        var a = await client.VetAsync(project.Id, await client.NominateAsync(project.Id, body.Id, branch.Members[0]));
        var b = await client.VetAsync(project.Id, await client.NominateAsync(project.Id, body.Id, branch.Members[1]));

        var response = await client.PostJsonAsync($"/api/v1/elections/{project.Id}/bodies/{body.Id}/list", new FixListRequest([a.Id, b.Id], body.Version));

        Assert.Contains(a.PersonName, string.Join(" ", (await response.ProblemErrorsAsync())["nomineeIds"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ProvenAgainstListedNominee_Disqualifies_UnfixesList_AndIsFinal()
    {
        var (client, project, body, nominees) = await FixedListOfThreeAsync();
        var url = $"/api/v1/elections/{project.Id}/reports";
        var reports = await (await client.PostJsonAsync(url, new ReportRequest(Today, "反映其请客拉票", nominees[0].Id))).ReadAsync<List<ReportView>>();
        var report = Assert.Single(reports);
        Assert.Equal(ReportStage.Filed, report.Stage);

        var skip = await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Proven, "查实", Today, report.Version));
        Assert.Contains("stage", (await skip.ProblemErrorsAsync()).Keys);
        report = (await (await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Investigating, null, null, report.Version))).ReadAsync<List<ReportView>>()).Single();
        var noFindings = await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Proven, null, null, report.Version));
        Assert.Superset(new HashSet<string> { "findings", "concludedOn" }, (await noFindings.ProblemErrorsAsync()).Keys.ToHashSet());
        report = (await (await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Proven, "经查属实", Today, report.Version))).ReadAsync<List<ReportView>>()).Single();
        var exported = Assert.Single(await (await client.GetAsync($"{url}/export")).RowsAsync());
        Assert.Equal(("反映其请客拉票", nominees[0].PersonName, "经查属实"), (exported["摘要"], exported["被提名人"], exported["调查结论"]));

        var back = await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Unfounded, "改判", Today, report.Version));
        Assert.Contains("stage", (await back.ProblemErrorsAsync()).Keys);
        var disqualified = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees/{nominees[0].Id}")).ReadAsync<NomineeView>();
        Assert.Equal(report.Id, disqualified.DisqualifiedByReportId);
        Assert.Contains("Disqualified", disqualified.Blockers);
        Assert.False(disqualified.OnList);
        var now = await (await client.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>();
        Assert.Null(now.Bodies.Single().ListFixedAt);

        var again = await client.PostJsonAsync($"/api/v1/elections/{project.Id}/bodies/{body.Id}/list", new FixListRequest(nominees.Select(n => n.Id).ToList(), now.Bodies.Single().Version));
        Assert.Contains(nominees[0].PersonName, string.Join(" ", (await again.ProblemErrorsAsync())["nomineeIds"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vetting_CheckFailedAfterListFixed_TakesNomineeOffAndUnfixesList()
    {
        // ELE-5: an open or failed check keeps a nominee off the list, also when it turns up after the list was fixed.
        var (client, project, body, nominees) = await FixedListOfThreeAsync();
        var dossier = nominees[1].Checks.Single(c => c.Kind == VettingKind.Dossier);
        var failed = await (await client.PutJsonAsync($"/api/v1/elections/{project.Id}/nominees/{nominees[1].Id}/checks/{VettingKind.Dossier}",
            new VettingRequest(VettingResult.Failed, "组织部考察组", Today, "档案存疑", dossier.Version))).ReadAsync<NomineeView>();

        Assert.False(failed.OnList);
        Assert.Contains("Failed.Dossier", failed.Blockers);
        var now = await (await client.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>();
        Assert.Null(now.Bodies.Single().ListFixedAt);
        var listed = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees")).ReadAsync<List<NomineeView>>();
        Assert.DoesNotContain(listed, n => n.OnList);
    }

    /// <summary>A new branch's project with a committee of 2 seats and its 3 members vetted and fixed on the list.</summary>
    private Task<(HttpClient Client, ProjectView Project, BodyView Body, List<NomineeView> Nominees)> FixedListOfThreeAsync() => app.FixedListAsync(3);

    [Fact]
    public async Task Selection_StagesOnlyInOrder()
    {
        var branch = await app.BranchAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var url = $"/api/v1/elections/{project.Id}/selections";
        var selection = Assert.Single(await (await client.PostJsonAsync(url, new SelectionRequest(PublicSelectionKind.DirectElection, "村党组织书记"))).ReadAsync<List<SelectionView>>());
        Assert.Equal(SelectionStage.Conditions, selection.Next);

        var early = await client.PostJsonAsync($"{url}/{selection.Id}/stages", new StageRecordRequest(SelectionStage.SignUp, Today, "报名", null, selection.Version));
        Assert.Contains("stage", (await early.ProblemErrorsAsync()).Keys);

        selection = (await (await client.PostJsonAsync($"{url}/{selection.Id}/stages",
            new StageRecordRequest(SelectionStage.Conditions, Today, "公布职位和条件", null, selection.Version))).ReadAsync<List<SelectionView>>()).Single();
        Assert.Equal(SelectionStage.SignUp, selection.Next);
        var beforePrevious = await client.PostJsonAsync($"{url}/{selection.Id}/stages", new StageRecordRequest(SelectionStage.SignUp, Today.AddDays(-1), "报名", null, selection.Version));
        Assert.Contains("recordedOn", (await beforePrevious.ProblemErrorsAsync()).Keys);
        selection = (await (await client.PostJsonAsync($"{url}/{selection.Id}/stages",
            new StageRecordRequest(SelectionStage.SignUp, Today, "12 人报名，10 人通过资格审查", "甲、乙、丙", selection.Version))).ReadAsync<List<SelectionView>>()).Single();
        Assert.Equal([SelectionStage.Conditions, SelectionStage.SignUp], selection.Records.Select(r => r.Stage));
        Assert.Equal(SelectionStage.Shortlist, selection.Next);
    }

    [Fact]
    public async Task Scope_OrgAdminB_CannotReadOrChangeProjectOfTownshipA_UnknownIdIs404()
    {
        var branch = await app.BranchAsync();
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await a.OpenAsync(branch);
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/elections/{project.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/elections/{project.Id}/nominees")).StatusCode);
        foreach (var export in new[] { "nominees", "checklists", "reports" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/elections/{project.Id}/{export}/export")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"/api/v1/elections/{project.Id}/research",
            new ResearchRequest(ResearchKind.Visit, Today, 1, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync("/api/v1/elections",
            new OpenProjectRequest(branch.OrgId, "越权", null, null, null, [new BodyRequest(BodyKind.Committee, 3)]))).StatusCode);
        var listed = await (await b.GetAsync("/api/v1/elections?pageSize=200")).ReadAsync<Paged<ProjectRow>>();
        Assert.DoesNotContain(listed.Items, r => r.Id == project.Id);

        var secretary = await app.ClientForAsync(Demo.Supervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/api/v1/elections/99999999")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await secretary.PostJsonAsync($"/api/v1/elections/{project.Id}/close", new VersionRequest(project.Version))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ElectionWorkflowApiSqliteTests(SqliteApp app) : ElectionWorkflowApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ElectionWorkflowApiPostgresTests(PostgresApp app) : ElectionWorkflowApiTests(app);
