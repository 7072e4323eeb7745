using System.Net;
using System.Text.Json;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.Meetings.Minutes;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Proceedings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Accounts;

/// <summary>
/// A branch secretary runs their own branch's work (PermissionMatrix): calls the 支委会, records attendance, decides items,
/// signs the minutes, holds the 民主评议党员, surveys and democratic life meetings — and is refused the same on another
/// branch, and refused what is not theirs to do anywhere (restructuring, the roster, elections, accounts).
/// </summary>
public abstract class SecretaryTests(AppFixture app)
{
    [Fact]
    public async Task Secretary_RunsTheirBranchsCommitteeMeeting_FromCallToSignedMinutes()
    {
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var team = await TeamAsync(branch);
        var client = await app.ClientForAsync(Demo.Secretary);
        var title = "书记召集的支委会" + Demo.UniqueCode("");

        var id = (await MeetingSetup.CallAsync(client, branch, team, title)).GetProperty("id").GetInt32();
        foreach (var p in team)
        {
            await MeetingSetup.PresentAsync(client, id, p);
        }

        var item = MeetingSetup.Item(await MeetingSetup.AddItemAsync(client, id, "发展党员计划", "Routine"), "发展党员计划");
        var voted = await (await MeetingSetup.VoteAsync(client, item, team.Select(p => (p, "For")))).ReadAsync<JsonElement>();
        Assert.Equal("Passed", MeetingSetup.Item(voted, "发展党员计划").GetProperty("outcome").GetString());
        var closed = await (await client.PostJsonAsync($"/api/v1/meetings/{id}/close", new { version = voted.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var draft = Assert.Single(await (await client.PostJsonAsync($"/api/v1/meetings/{id}/minutes", new SaveMinutesRequest("会议研究了发展党员计划，一致同意。"))).ReadAsync<List<MinutesView>>());
        var signed = Assert.Single(await (await client.PostJsonAsync($"/api/v1/meetings/{id}/minutes/sign", new SignMinutesRequest(draft.Version))).ReadAsync<List<MinutesView>>());
        Assert.Equal((MinutesStatus.SignedOff, Demo.Secretary), (signed.Status, signed.SignedBy));
    }

    [Fact]
    public async Task Secretary_OnAnotherBranchOfTheTownship_IsRefusedEveryStep_AndNothingChanges()
    {
        var other = await OtherBranchAsync();
        var team = await TeamAsync(other);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var id = (await MeetingSetup.CallAsync(admin, other, team, "他支部支委会" + Demo.UniqueCode(""))).GetProperty("id").GetInt32();
        var item = MeetingSetup.Item(await MeetingSetup.AddItemAsync(admin, id, "他支部议题", "Routine"), "他支部议题");
        var client = await app.ClientForAsync(Demo.Secretary);
        var audit = await AuditCountAsync();

        HttpResponseMessage[] responses =
        [
            await client.PostJsonAsync("/api/v1/meetings", new { organizationId = other, type = "CommitteeMeeting", title = "越权", date = "2026-12-10", noticeDate = "2026-12-07" }),
            await client.PutJsonAsync($"/api/v1/meetings/{id}/attendance/{team[0]}", new { attendance = "Present" }),
            await client.PostJsonAsync($"/api/v1/meetings/{id}/items", new { title = "越权议题", category = "Routine" }),
            await MeetingSetup.VoteAsync(client, item, [(team[0], "For")]),
            await client.PostJsonAsync($"/api/v1/meetings/{id}/minutes", new SaveMinutesRequest("越权纪要")),
            await client.PostJsonAsync($"/api/v1/meetings/{id}/minutes/sign", new SignMinutesRequest(0)),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(audit, await AuditCountAsync());
    }

    [Fact]
    public async Task Secretary_HoldsMemberReviewsSurveysAndDemocraticLife_OfTheirBranch()
    {
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var client = await app.ClientForAsync(Demo.Secretary);
        var now = DateTimeOffset.UtcNow;
        var template = await app.DefaultTemplateIdAsync();
        CreateCampaignRequest Campaign(CampaignKind kind) => new(
            branch, Demo.UniqueCode("民主评议党员"), 2026, kind, kind == CampaignKind.MemberReview ? SubjectKind.Member : SubjectKind.Cadre,
            template, null, null, null, now.AddHours(1), now.AddDays(7));

        await ExpectAsync(HttpStatusCode.Created, await client.PostJsonAsync("/api/v1/evaluations", Campaign(CampaignKind.MemberReview)));
        await ExpectAsync(HttpStatusCode.Forbidden, await client.PostJsonAsync("/api/v1/evaluations", Campaign(CampaignKind.DemocraticEvaluation)));
        await ExpectAsync(HttpStatusCode.Created, await client.PostJsonAsync("/api/v1/surveys", new SurveyRequest(branch, "支部满意度调查" + Demo.UniqueCode(""), null, Dangjian.Domain.Surveys.SurveyAccess.AccessCodes, null, null)));
        await ExpectAsync(HttpStatusCode.Created, await client.PostJsonAsync(DemocraticLifeEndpoints.Route, new CreateDemocraticLifeRequest(branch, 2030, "组织生活会" + Demo.UniqueCode(""), new DateOnly(2030, 12, 20))));
    }

    [Fact]
    public async Task Secretary_NeitherRestructuresNorEditsTheRosterNorRunsElectionsNorManagesAccounts_EvenInTheirBranch()
    {
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrganizationId == branch && !p.IsRemoved).Select(p => p.Id).FirstAsync());
        var client = await app.ClientForAsync(Demo.Secretary);
        var audit = await AuditCountAsync();

        HttpResponseMessage[] responses =
        [
            await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("SEC"), "书记新建小组", OrganizationKind.PartyGroup, branch)),
            await client.PutJsonAsync($"/api/v1/people/{person}", new { name = "改名", version = 0 }),
            await client.PostJsonAsync("/api/v1/elections", new { organizationId = branch, title = "换届" }),
            await client.PostJsonAsync("/api/v1/accounts", new { userName = "sec.made", roles = new[] { new { role = "Member", organizationId = branch } } }),
            await client.PostJsonAsync("/api/v1/teams", new { organizationId = branch }),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(audit, await AuditCountAsync());
    }

    /// <summary>The members of the organization's current leadership team (its 支委), secretary first.</summary>
    private Task<int[]> TeamAsync(int organizationId) =>
        app.WithDbAsync(async db =>
        {
            var team = await db.LeadershipTeams.Where(t => t.OrganizationId == organizationId).OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstAsync();
            return await db.TeamPositions.Where(p => p.TeamId == team).OrderBy(p => p.Role).Select(p => p.PersonId).Distinct().ToArrayAsync();
        });

    /// <summary>Another branch of township A with a leadership team: not the secretary's.</summary>
    private async Task<int> OtherBranchAsync()
    {
        var t = await app.TownshipsAsync();
        var own = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        return await app.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Path).FirstAsync();
            return await db.Organizations.Where(o => o.Path.StartsWith(path) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active && o.Id != own
                    && db.LeadershipTeams.Any(l => l.OrganizationId == o.Id))
                .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        });
    }

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private Task<int> AuditCountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class SecretarySqliteTests(SqliteApp app) : SecretaryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecretaryPostgresTests(PostgresApp app) : SecretaryTests(app);
