using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Evaluations.Campaigns;

/// <summary>
/// EVA-4: a draw from the demo district's members by a published seed. The expected list is computed here from the
/// published algorithm (lowest SHA-256 of seed + "\n" + key), independently of the app, so the same seed and population
/// give the same list on SQLite and PostgreSQL (the demo data is the same on both).
/// </summary>
public abstract class SamplingTests(AppFixture app)
{
    private const string Seed = "eva-test-2026";

    [Fact]
    public async Task Draw_SameSeedAndPopulation_SameListAsPublishedAlgorithm_RedrawWithAnotherSeedDiffers()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var t = await app.TownshipsAsync();
        var draft = await app.DraftAsync();
        await SetSeedAsync(draft.Id, Seed);
        var group = draft.Groups.Single(g => g.Name == "干部职工");

        var first = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{group.Id}/draw", new DrawMembersRequest(t.A, 15))).ReadAsync<SampleView>();

        var population = await PopulationAsync(t.A);
        var expected = population.Select(p => p.Key).OrderBy(k => Rank(Seed, k), StringComparer.Ordinal).Take(15).ToList();
        Assert.Equal(expected, first.Drawn.Select(d => d.Key));
        Assert.Equal(Enumerable.Range(1, 15), first.Drawn.Select(d => d.Rank));
        Assert.Equal(Seed, first.Seed);
        Assert.Contains(population.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), first.PopulationNote, StringComparison.Ordinal);
        Assert.Equal(expected, (await (await client.GetAsync($"/api/v1/evaluations/groups/{group.Id}/sample")).ReadAsync<SampleView>()).Drawn.Select(d => d.Key));

        // The same seed again: the same list. Another seed: another list, replacing the first.
        var again = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{group.Id}/draw", new DrawMembersRequest(t.A, 15))).ReadAsync<SampleView>();
        Assert.Equal(expected, again.Drawn.Select(d => d.Key));
        await SetSeedAsync(draft.Id, "another-seed");
        var other = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{group.Id}/draw", new DrawMembersRequest(t.A, 15))).ReadAsync<SampleView>();
        Assert.NotEqual(expected, other.Drawn.Select(d => d.Key));
        Assert.Equal(15, await app.WithDbAsync(db => db.EvaluatorSamples.CountAsync(s => s.GroupId == group.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SamplingService.DrawnAction && a.EntityId == group.Id.ToString())));
    }

    [Fact]
    public async Task Draw_Stratified_PerStratumCountsByLargestRemainder()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var t = await app.TownshipsAsync();
        var draft = await app.DraftAsync();
        await SetSeedAsync(draft.Id, Seed);
        var group = draft.Groups[0];

        var drawn = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{group.Id}/draw", new DrawMembersRequest(t.A, 20, Stratified: true))).ReadAsync<SampleView>();

        var population = await PopulationAsync(t.A);
        var sizes = population.GroupBy(p => p.Stratum).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var shares = EvaluatorDraw.Allocate(sizes, 20);
        Assert.Equal(20, drawn.Drawn.Count);
        Assert.True(drawn.Stratified);
        foreach (var (stratum, n) in shares)
        {
            Assert.Equal(n, drawn.Drawn.Count(d => d.Stratum == stratum));
            var expected = population.Where(p => p.Stratum == stratum).Select(p => p.Key).OrderBy(k => Rank(Seed, k), StringComparer.Ordinal).Take(n).ToHashSet();
            Assert.True(expected.SetEquals(drawn.Drawn.Where(d => d.Stratum == stratum).Select(d => d.Key)), stratum);
        }
    }

    [Fact]
    public async Task Draw_NotDraftOrTooMany_Refused()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var t = await app.TownshipsAsync();
        var draft = await app.DraftAsync();
        var errors = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{draft.Groups[0].Id}/draw", new DrawMembersRequest(t.A, 1_000_000))).ProblemErrorsAsync();
        Assert.Contains("count", errors.Keys);

        var open = await app.OpenCampaignAsync();
        var refused = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{open.Groups[0].Id}/draw", new DrawMembersRequest(t.A, 2))).ProblemErrorsAsync();
        Assert.Contains("status", refused.Keys);
    }

    [Fact]
    public async Task Residents_UploadedList_AllOrNothingNamingBadRows_ThenDrawn()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var draft = await app.DraftAsync();
        await SetSeedAsync(draft.Id, Seed);
        var group = draft.Groups.Single(g => g.Name == "群众代表");
        var template = await client.GetAsync("/api/v1/evaluations/residents-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);

        var bad = Xlsx([("1", "张三", "东关"), ("2", "", "东关"), ("1", "王五", "西街")]);
        var errors = await (await client.PostAsync($"/api/v1/evaluations/groups/{group.Id}/draw/residents?count=2", bad)).ProblemErrorsAsync();
        Assert.Contains("rows[3].name", errors.Keys);
        Assert.Contains("rows[4].key", errors.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.EvaluatorSamples.CountAsync(s => s.GroupId == group.Id)));

        var rows = Enumerable.Range(1, 30).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"居民{i}", i % 3 == 0 ? "西街" : "东关")).ToList();
        var drawn = await (await client.PostAsync($"/api/v1/evaluations/groups/{group.Id}/draw/residents?count=6&stratified=true&fileName=residents.xlsx", Xlsx(rows))).ReadAsync<SampleView>();
        Assert.Equal(6, drawn.Drawn.Count);
        Assert.Equal(2, drawn.Drawn.Count(d => d.Stratum == "西街"));
        Assert.Contains("residents.xlsx", drawn.PopulationNote, StringComparison.Ordinal);
    }

    private static ByteArrayContent Xlsx(IEnumerable<(string Key, string Name, string Stratum)> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object> { ["编号"] = r.Key, ["姓名"] = r.Name, ["分层"] = r.Stratum }).ToList());
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    private static string Rank(string seed, string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + key)));

    private Task<int> SetSeedAsync(int campaignId, string seed) => app.WithDbAsync(async db =>
    {
        var c = await db.EvaluationCampaigns.FirstAsync(x => x.Id == campaignId);
        c.Seed = seed;
        await db.SaveChangesAsync();
        return 0;
    });

    private async Task<List<(string Key, string Stratum)>> PopulationAsync(int orgId) => await app.WithDbAsync(async db =>
    {
        var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync();
        var rows = await (from p in db.People
                          join o in db.Organizations on p.OrganizationId equals o.Id
                          where o.Path.StartsWith(path) && !p.IsRemoved && (p.Status == MemberStatus.Full || p.Status == MemberStatus.Probationary)
                          select new { p.Id, o.Name, o.Code }).ToListAsync();
        var ambiguous = rows.GroupBy(x => x.Name).Where(g => g.Select(x => x.Code).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
        return rows.Select(x => (x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ambiguous.Contains(x.Name) ? $"{x.Name}（{x.Code}）" : x.Name)).ToList();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class SamplingSqliteTests(SqliteApp app) : SamplingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamplingPostgresTests(PostgresApp app) : SamplingTests(app);
