using System.Net;
using System.Text;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Features.Evaluations.Results;
using Dangjian.Web.Tests.Evaluations.Results;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Evaluations.Campaigns;

/// <summary>
/// ORG-5 for evaluations: orgadmin.a is refused every endpoint of a township-B campaign, and nothing changes; a member
/// of the campaign's own branch reads no one else's scores.
/// </summary>
public abstract class CampaignScopeTests(AppFixture app)
{
    [Fact]
    public async Task OrgAdminOfA_IsRefused_EveryEndpointOfTownshipBCampaign()
    {
        var b = await app.DraftAsync(Demo.OrgAdminB);
        var group = b.Groups[0];
        var subject = b.Subjects[0];
        var t = await app.TownshipsAsync();
        var before = await SnapshotAsync(b.Id);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var now = DateTimeOffset.UtcNow;
        (string Method, string Url, object? Body)[] requests =
        [
            ("GET", $"/api/v1/evaluations/{b.Id}", null),
            ("PUT", $"/api/v1/evaluations/{b.Id}", new UpdateCampaignRequest("越权", 2026, SubjectKind.Cadre, null, null, null, now, now.AddDays(1), b.Version)),
            ("GET", $"/api/v1/evaluations/{b.Id}/progress", null),
            ("POST", $"/api/v1/evaluations/{b.Id}/announce", new AnnounceRequest("越权", b.Version)),
            ("POST", $"/api/v1/evaluations/{b.Id}/open", new StatusRequest(b.Version)),
            ("POST", $"/api/v1/evaluations/{b.Id}/close", new StatusRequest(b.Version)),
            ("POST", $"/api/v1/evaluations/{b.Id}/subjects", new SubjectRequest("越权", null, null, null)),
            ("POST", $"/api/v1/evaluations/{b.Id}/subjects/bulk", new BulkSubjectsRequest(SubjectSource.BranchMembers, t.BranchOfA)),
            ("PUT", $"/api/v1/evaluations/{b.Id}/subjects/order", new ReorderRequest(b.Subjects.Select(s => s.Id).Reverse().ToList())),
            ("DELETE", $"/api/v1/evaluations/subjects/{subject.Id}", null),
            ("POST", $"/api/v1/evaluations/{b.Id}/groups", new GroupRequest("越权", EvaluatorKind.Staff, 0.1m)),
            ("POST", $"/api/v1/evaluations/{b.Id}/groups/defaults", null),
            ("PUT", $"/api/v1/evaluations/groups/{group.Id}", new GroupRequest("越权", EvaluatorKind.Staff, 0.1m, group.Version)),
            ("DELETE", $"/api/v1/evaluations/groups/{group.Id}", null),
            ("GET", $"/api/v1/evaluations/groups/{group.Id}/sample", null),
            ("POST", $"/api/v1/evaluations/groups/{group.Id}/draw", new DrawMembersRequest(t.A, 2)),
            ("POST", $"/api/v1/evaluations/groups/{group.Id}/codes", new IssueEvaluationCodesRequest(2)),
        ];

        foreach (var (method, url, body) in requests)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body, body.GetType(), Http.Json), Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(b.Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The list holds nothing of B's, and B's campaign is exactly as it was.
        var list = await (await client.GetAsync($"/api/v1/evaluations?search={Uri.EscapeDataString(b.Title)}")).ReadAsync<Dangjian.Web.Features.Common.Paged<CampaignRow>>();
        Assert.Empty(list.Items);
        Assert.Equal(before, await SnapshotAsync(b.Id));

        // The pages refuse too, without the campaign's data.
        var cookie = await app.SignInAsync(Demo.OrgAdminA);
        var page = await (await cookie.GetAsync($"/evaluations/{b.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-refused=\"true\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Title, page, StringComparison.Ordinal);
        var codes = await cookie.GetAsync($"/evaluations/groups/{group.Id}/codes");
        Assert.Equal(HttpStatusCode.Forbidden, codes.StatusCode);
    }

    /// <summary>
    /// A member reads a 民主评议党员 campaign of their own branch: its results and component scores are for those who
    /// run it until publicized; afterwards the member sees what 公示 shows (name, grade, composite) of the others and
    /// their own scores, never the others' 实绩 or 组织考察 — on the API, the pages, the print and the Excel files.
    /// </summary>
    [Fact]
    public async Task Member_SeesNoScoresBeforePublicity_AndOnlyWhatPublicityShowsAfter()
    {
        var branch = await app.ScopeOrganizationOfAsync(Demo.Member);
        var self = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Member).Select(u => u.PersonId).FirstAsync());
        static IReadOnlyDictionary<string, string> R(string label) => new Dictionary<string, string> { ["综合表现"] = label };
        var campaign = await app.CampaignAsync(branch, [new("评议本人", 91.5m, 88.25m), new("评议他人", 72.5m, 66.75m)],
            [new("党员", EvaluatorKind.Members, 1m, [ResultsSetup.Ballot(("评议本人", R("合格")), ("评议他人", R("合格")))])],
            CampaignKind.MemberReview);
        await app.WithDbAsync(async db =>
        {
            var own = await db.EvaluationSubjects.FirstAsync(s => s.Id == campaign.Subjects["评议本人"]);
            own.PersonId = self;
            return await db.SaveChangesAsync();
        });
        var runner = await app.ClientForAsync(Demo.DistrictAdmin);
        var computed = await (await runner.PostAsync($"/api/v1/evaluations/{campaign.Id}/results/compute", null)).ReadAsync<CampaignResultsView>();
        var member = await app.ClientForAsync(Demo.Member);
        var id = campaign.Id;
        string[] scoreUrls =
        [
            $"/api/v1/evaluations/{id}/scores", $"/api/v1/evaluations/{id}/scores/template", $"/api/v1/evaluations/{id}/results/export",
            $"/api/v1/evaluations/{id}/results/dimensions/export", $"/api/v1/evaluations/{id}/objections", $"/api/v1/evaluations/{id}/follow-ups",
        ];

        // Before publicity: nothing of the results, on any endpoint or page.
        foreach (var url in scoreUrls.Append($"/api/v1/evaluations/{id}/results"))
        {
            var response = await member.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} answered {(int)response.StatusCode}");
        }

        var cookie = await app.SignInAsync(Demo.Member);
        foreach (var page in new[] { $"/evaluations/{id}/results", $"/evaluations/{id}/results/print" })
        {
            var html = await cookie.GetStringAsync(page);
            Assert.Contains("data-refused=\"true\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("66.75", html, StringComparison.Ordinal);
        }

        var publicized = await runner.PostJsonAsync($"/api/v1/evaluations/{id}/publicity", new PublicizeRequest(null, null, computed.Campaign.Version));
        Assert.Equal(HttpStatusCode.OK, publicized.StatusCode);

        // After publicity: name, grade and composite of the others, as the public page shows; the member's own scores.
        var after = await member.GetAsync($"/api/v1/evaluations/{id}/results");
        var json = await after.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain("72.5", json, StringComparison.Ordinal);
        Assert.DoesNotContain("66.75", json, StringComparison.Ordinal);
        var view = System.Text.Json.JsonSerializer.Deserialize<CampaignResultsView>(json, Http.Json)!;
        var other = view.Results.Single(r => r.Name == "评议他人");
        var full = computed.Results.Single(r => r.Name == "评议他人");
        Assert.Equal((full.Grade, full.Composite, full.Rank), (other.Grade, other.Composite, other.Rank));
        Assert.Null(other.Achievement);
        Assert.Null(other.Inspection);
        var otherJson = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "评议他人");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, otherJson.GetProperty("democratic").ValueKind);
        Assert.Empty(other.Groups);
        Assert.Empty(other.Dimensions);
        Assert.Empty(view.Groups);
        var own = view.Results.Single(r => r.Name == "评议本人");
        Assert.Equal((91.5m, 88.25m), (own.Achievement, own.Inspection));
        foreach (var url in scoreUrls)
        {
            var response = await member.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} answered {(int)response.StatusCode} after publicity");
        }

        var resultsPage = await cookie.GetStringAsync($"/evaluations/{id}/results");
        Assert.Contains("评议他人", resultsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("66.75", resultsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("72.5", resultsPage, StringComparison.Ordinal);
        var print = await cookie.GetStringAsync($"/evaluations/{id}/results/print");
        Assert.Contains("评议他人", print, StringComparison.Ordinal);
        Assert.DoesNotContain("66.75", print, StringComparison.Ordinal);
    }

    private Task<string> SnapshotAsync(int campaignId) => app.WithDbAsync(async db =>
    {
        var c = await db.EvaluationCampaigns.AsNoTracking().FirstAsync(x => x.Id == campaignId);
        var subjects = await db.EvaluationSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Name}:{s.Order}:{s.Version}").ToListAsync();
        var groups = await db.EvaluationGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).OrderBy(g => g.Id).Select(g => $"{g.Id}:{g.Name}:{g.Weight}:{g.Version}:{g.SampleSize}").ToListAsync();
        var ids = groups.Select(g => "EvaluationGroup/" + g.Split(':')[0]).ToList();
        var boxes = await db.BallotBoxes.AsNoTracking().Where(x => ids.Contains(x.Key)).CountAsync();
        return $"{c.Title}|{c.Status}|{c.Version}|{string.Join(",", subjects)}|{string.Join(",", groups)}|{boxes}";
    });
}

[Collection(SqliteCollection.Name)]
public sealed class CampaignScopeSqliteTests(SqliteApp app) : CampaignScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CampaignScopePostgresTests(PostgresApp app) : CampaignScopeTests(app);
