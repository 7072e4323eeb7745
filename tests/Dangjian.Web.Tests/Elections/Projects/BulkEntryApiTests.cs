using System.Net;
using System.Text.Json;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Elections.Projects;

/// <summary>
/// Bulk entry over /api/v1/elections: 四个凡提必 (ELE-5) four checks of a nominee or one check for many nominees, talks
/// (ELE-2) and checklist items (ELE-3), each in one request, all or nothing, with bad rows named.
/// </summary>
public abstract class BulkEntryApiTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private static List<VettingCheckRequest> AllPassed(NomineeView n) =>
        n.Checks.Select(c => new VettingCheckRequest(c.Kind, VettingResult.Passed, "组织部考察组", Today, null, c.Version)).ToList();

    [Fact]
    public async Task VetAll_FourChecksInOneRequest_NomineeEligible_AndTheSamePersonOnAnotherBodyToo()
    {
        var branch = await app.BranchAsync(3);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 2), new BodyRequest(BodyKind.DisciplineCommittee, 1));
        var committee = await client.NominateAsync(project.Id, project.Bodies.Single(b => b.Kind == BodyKind.Committee).Id, branch.Members[0]);
        var discipline = await client.NominateAsync(project.Id, project.Bodies.Single(b => b.Kind == BodyKind.DisciplineCommittee).Id, branch.Members[0]);

        var vetted = await (await client.PutJsonAsync($"/api/v1/elections/{project.Id}/nominees/{committee.Id}/checks",
            new VettingAllRequest(AllPassed(committee)))).ReadAsync<NomineeView>();

        Assert.Empty(vetted.Blockers);
        Assert.All(vetted.Checks, c => Assert.Equal((VettingResult.Passed, "组织部考察组"), (c.Result, c.CheckedBy)));
        var other = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees/{discipline.Id}")).ReadAsync<NomineeView>();
        Assert.Empty(other.Blockers);
    }

    [Fact]
    public async Task VetAll_OneBadCheck_400NamesThatCheck_AndNothingIsRecorded()
    {
        var branch = await app.BranchAsync(1);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 1));
        var n = await client.NominateAsync(project.Id, project.Bodies.Single().Id, branch.Members[0]);
        var checks = AllPassed(n);
        checks[2] = checks[2] with { CheckedBy = " " };

        var response = await client.PutJsonAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}/checks", new VettingAllRequest(checks));

        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["checks[2].checkedBy"], errors.Keys);
        Assert.StartsWith("第 3 行", errors["checks[2].checkedBy"][0], StringComparison.Ordinal);
        var after = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}")).ReadAsync<NomineeView>();
        Assert.All(after.Checks, c => Assert.Equal(VettingResult.Open, c.Result));
    }

    [Fact]
    public async Task VetAll_StaleVersionOfOneCheck_Is409_AndNothingIsRecorded()
    {
        var branch = await app.BranchAsync(1);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 1));
        var n = await client.NominateAsync(project.Id, project.Bodies.Single().Id, branch.Members[0]);
        var checks = AllPassed(n);
        await client.PutJsonAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}/checks/{VettingKind.Petitions}",
            new VettingRequest(VettingResult.Failed, "纪委", Today, "另一人先存", n.Checks.Single(c => c.Kind == VettingKind.Petitions).Version));

        var stale = await client.PutJsonAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}/checks", new VettingAllRequest(checks));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var after = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}")).ReadAsync<NomineeView>();
        Assert.Equal(VettingResult.Open, after.Checks.Single(c => c.Kind == VettingKind.Dossier).Result);
        Assert.Equal(VettingResult.Failed, after.Checks.Single(c => c.Kind == VettingKind.Petitions).Result);
    }

    [Fact]
    public async Task VetMany_OneKindForEveryNominee_OneRequest_BadRowNamedByNumber_AllOrNothing()
    {
        var branch = await app.BranchAsync(3);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 2));
        var body = project.Bodies.Single();
        var nominees = new List<NomineeView>();
        foreach (var person in branch.Members)
        {
            nominees.Add(await client.NominateAsync(project.Id, body.Id, person));
        }

        var url = $"/api/v1/elections/{project.Id}/checks/{VettingKind.Dossier}";
        var rows = nominees.Select(n => new VettingRowRequest(n.Id, VettingResult.Passed, "组织部", Today, null, n.Checks.Single(c => c.Kind == VettingKind.Dossier).Version)).ToList();
        var bad = rows.ToList();
        bad[1] = bad[1] with { CheckedOn = null };
        var refused = await (await client.PutJsonAsync(url, new VettingManyRequest(bad))).ProblemErrorsAsync();
        Assert.Equal(["rows[1].checkedOn"], refused.Keys);
        Assert.Contains("第 2 行", refused["rows[1].checkedOn"][0], StringComparison.Ordinal);
        Assert.Contains(nominees[1].PersonName, refused["rows[1].checkedOn"][0], StringComparison.Ordinal);
        var unchanged = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees")).ReadAsync<List<NomineeView>>();
        Assert.All(unchanged, n => Assert.Equal(VettingResult.Open, n.Checks.Single(c => c.Kind == VettingKind.Dossier).Result));

        rows[2] = rows[2] with { Result = VettingResult.Failed, Note = "档案存疑" };
        var saved = await (await client.PutJsonAsync(url, new VettingManyRequest(rows))).ReadAsync<List<NomineeView>>();

        Assert.Equal([VettingResult.Passed, VettingResult.Passed, VettingResult.Failed],
            nominees.Select(n => saved.Single(s => s.Id == n.Id).Checks.Single(c => c.Kind == VettingKind.Dossier).Result));
        var again = await client.PutJsonAsync(url, new VettingManyRequest(rows));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Talks_TenInOneRequest_BadRowNamed_AllOrNothing_StaleRowConflicts()
    {
        var branch = await app.BranchAsync(10);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var url = $"/api/v1/elections/{project.Id}/talks";
        var talks = await (await client.PostAsync($"{url}/generate", null)).ReadAsync<TalkOverview>();
        var rows = talks.Targets.Select(t => new TalkRowRequest(t.Id, TalkStatus.Talked, Today, null, t.Version)).ToList();
        rows[9] = rows[9] with { Status = TalkStatus.Phoned };

        var bad = rows.ToList();
        bad[4] = bad[4] with { TalkedOn = null };
        var refused = await (await client.PutJsonAsync(url, new TalksRequest(bad))).ProblemErrorsAsync();
        Assert.Equal(["rows[4].talkedOn"], refused.Keys);
        Assert.Contains("第 5 行", refused["rows[4].talkedOn"][0], StringComparison.Ordinal);
        Assert.Equal(10, (await (await client.GetAsync(url)).ReadAsync<TalkOverview>()).Coverage.NotYet);

        var saved = await (await client.PutJsonAsync(url, new TalksRequest(rows))).ReadAsync<TalkOverview>();
        Assert.Equal((10, 9, 1, 0), (saved.Coverage.Total, saved.Coverage.Talked, saved.Coverage.Phoned, saved.Coverage.NotYet));
        Assert.True(saved.Coverage.Complete);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync(url, new TalksRequest(rows))).StatusCode);
    }

    [Fact]
    public async Task Checklists_ManyItemsDoneInOneRequest_UnknownItemNamed_AllOrNothing()
    {
        var branch = await app.BranchAsync(5);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch);
        var url = $"/api/v1/elections/{project.Id}/checklists";
        var lists = await (await client.PostJsonAsync($"{url}/generate", new GenerateChecklistsRequest([]))).ReadAsync<ChecklistOverview>();
        var ids = lists.Items.Take(8).Select(i => i.Id).ToList();

        var refused = await (await client.PutJsonAsync(url, new ChecklistsDoneRequest([.. ids, 99999999], Today))).ProblemErrorsAsync();
        Assert.Equal(["itemIds[8].id"], refused.Keys);
        Assert.Equal(lists.Items.Count, (await (await client.GetAsync(url)).ReadAsync<ChecklistOverview>()).Missing.Count);

        var done = await (await client.PutJsonAsync(url, new ChecklistsDoneRequest(ids, Today))).ReadAsync<ChecklistOverview>();
        Assert.Equal(lists.Items.Count - 8, done.Missing.Count);
        var undone = await (await client.PutJsonAsync(url, new ChecklistsDoneRequest(ids.Take(3).ToList(), null))).ReadAsync<ChecklistOverview>();
        Assert.Equal(lists.Items.Count - 5, undone.Missing.Count);
    }

    [Fact]
    public async Task Bulk_OrgAdminB_CannotVetProjectOfTownshipA()
    {
        var branch = await app.BranchAsync(1);
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await a.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 1));
        var n = await a.NominateAsync(project.Id, project.Bodies.Single().Id, branch.Members[0]);
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.PutJsonAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}/checks",
            new VettingAllRequest(AllPassed(n)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PutJsonAsync($"/api/v1/elections/{project.Id}/checks/{VettingKind.Dossier}",
            new VettingManyRequest([new VettingRowRequest(n.Id, VettingResult.Passed, "越权", Today, null, 0)]))).StatusCode);
        var after = await (await a.GetAsync($"/api/v1/elections/{project.Id}/nominees/{n.Id}")).ReadAsync<NomineeView>();
        Assert.All(after.Checks, c => Assert.Equal(VettingResult.Open, c.Result));
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PutJsonAsync($"/api/v1/elections/{project.Id}/talks",
            new TalksRequest([new TalkRowRequest(1, TalkStatus.Talked, Today, null, 0)]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PutJsonAsync($"/api/v1/elections/{project.Id}/checklists",
            new ChecklistsDoneRequest([1], Today))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BulkEntryApiSqliteTests(SqliteApp app) : BulkEntryApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BulkEntryApiPostgresTests(PostgresApp app) : BulkEntryApiTests(app);
