using System.Net;
using System.Text;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Evaluations.Campaigns;

/// <summary>ORG-5 for evaluations: orgadmin.a is refused every endpoint of a township-B campaign, and nothing changes.</summary>
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
