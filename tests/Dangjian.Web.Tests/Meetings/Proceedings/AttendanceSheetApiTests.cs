using System.Net;
using System.Text.Json;
using Dangjian.Domain.People;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Web.Tests.Meetings.Proceedings.MeetingSetup;

namespace Dangjian.Web.Tests.Meetings.Proceedings;

/// <summary>
/// The attendance sheet (PUT /api/v1/meetings/{id}/attendance, MTG-3): many invitees in one request, saved whole or not
/// at all, each bad row named by its number and name, a stale sheet refused as a conflict, another township refused; and
/// 应到会人数 checked against the roll of full members.
/// </summary>
public abstract class AttendanceSheetApiTests(AppFixture app)
{
    private static object Present(int personId) => new { personId, attendance = "Present" };

    private static object Absent(int personId, string? reason) => new { personId, attendance = "Absent", reason };

    [Fact]
    public async Task TenInvitees_OneSave_TwoAbsentWithReasons()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.FullMembersUnderAsync(t.A, 10);
        var meeting = await CallAsync(client, t.A, m, "十人支委会");
        var id = meeting.GetProperty("id").GetInt32();
        var rows = m.Take(8).Select(Present).Append(Absent(m[8], "病假")).Append(Absent(m[9], "外出学习"));

        var saved = await (await client.PutJsonAsync($"/api/v1/meetings/{id}/attendance", new { rows, version = meeting.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();

        var after = (await GetAsync(client, id)).GetProperty("participants").EnumerateArray()
            .ToDictionary(p => p.GetProperty("personId").GetInt32(), p => (p.GetProperty("attendance").GetString(), p.GetProperty("reason").GetString()));
        Assert.All(m.Take(8), p => Assert.Equal(("Present", (string?)null), after[p]));
        Assert.Equal(("Absent", "病假"), after[m[8]]);
        Assert.Equal(("Absent", "外出学习"), after[m[9]]);
        Assert.Equal("InProgress", saved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadRows_AreNamedByRowAndName_AndNothingIsRecorded()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.FullMembersUnderAsync(t.A, 4);
        var names = await app.NamesAsync(m);
        var meeting = await CallAsync(client, t.A, m, "错行支委会");
        var id = meeting.GetProperty("id").GetInt32();
        var rows = new object[] { Present(m[0]), Present(m[1]), Absent(m[2], " "), new { personId = m[3], attendance = "Present", arrivedAtItem = 9 } };

        var response = await client.PutJsonAsync($"/api/v1/meetings/{id}/attendance", new { rows, version = meeting.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["rows[2].reason", "rows[3].arrivedAtItem"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith($"第 3 行（{names[2]}）：", errors["rows[2].reason"][0], StringComparison.Ordinal);
        Assert.StartsWith($"第 4 行（{names[3]}）：", errors["rows[3].arrivedAtItem"][0], StringComparison.Ordinal);
        Assert.All((await GetAsync(client, id)).GetProperty("participants").EnumerateArray(), p => Assert.Equal("Unrecorded", p.GetProperty("attendance").GetString()));
    }

    [Fact]
    public async Task ASheetReadBeforeAnotherSave_IsAConflict_AndTheFirstSaveStands()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.FullMembersUnderAsync(t.A, 3);
        var meeting = await CallAsync(client, t.A, m, "冲突支委会");
        var id = meeting.GetProperty("id").GetInt32();
        var version = meeting.GetProperty("version").GetInt32();

        await (await client.PutJsonAsync($"/api/v1/meetings/{id}/attendance", new { rows = new[] { Present(m[0]) }, version })).ReadAsync<JsonElement>();
        var stale = await client.PutJsonAsync($"/api/v1/meetings/{id}/attendance", new { rows = new[] { Absent(m[0], "事假") }, version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var first = (await GetAsync(client, id)).GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("personId").GetInt32() == m[0]);
        Assert.Equal("Present", first.GetProperty("attendance").GetString());
    }

    [Fact]
    public async Task TownshipB_CannotRecordTownshipAsSheet()
    {
        var t = await app.TownshipsAsync();
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var m = await app.FullMembersUnderAsync(t.A, 2);
        var meeting = await CallAsync(a, t.A, m, "越权支委会");
        var id = meeting.GetProperty("id").GetInt32();

        var refused = await b.PutJsonAsync($"/api/v1/meetings/{id}/attendance", new { rows = m.Select(Present), version = meeting.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.All((await GetAsync(a, id)).GetProperty("participants").EnumerateArray(), p => Assert.Equal("Unrecorded", p.GetProperty("attendance").GetString()));
    }

    [Fact]
    public async Task Expected_UpToTheRollOfFullMembers_MoreIsRefused()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var roll = await app.FullMembersUnderAsync(t.BranchOfA, 0);
        var outsider = (await app.FullMembersUnderAsync(t.A, roll.Length + 50)).First(id => !roll.Contains(id));
        var meeting = await CallAsync(client, t.BranchOfA, roll, "全员支委会");
        var id = meeting.GetProperty("id").GetInt32();
        Assert.Equal(roll.Length, meeting.GetProperty("participants").GetArrayLength());

        var over = await client.PostJsonAsync($"/api/v1/meetings/{id}/participants", new { personId = outsider, entitled = true });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains(roll.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single((await over.ProblemErrorsAsync())["personId"]), StringComparison.Ordinal);

        // Attending without a vote (列席) is not counted against the roll.
        await (await client.PostJsonAsync($"/api/v1/meetings/{id}/participants", new { personId = outsider, entitled = false })).ReadAsync<JsonElement>();
    }
}

internal static class AttendanceSheetSetup
{
    /// <summary>Full members on the rolls of the organization's subtree: all of them with <paramref name="count"/> 0, else the first so many.</summary>
    public static async Task<int[]> FullMembersUnderAsync(this AppFixture app, int organizationId, int count) =>
        await app.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync();
            var query = db.People.Where(p => !p.IsRemoved && p.Status == MemberStatus.Full && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)))
                .OrderBy(p => p.Id).Select(p => p.Id);
            var ids = count == 0 ? await query.ToArrayAsync() : await query.Take(count).ToArrayAsync();
            Assert.True(ids.Length > 0 && (count == 0 || ids.Length == count));
            return ids;
        });
}

[Collection(SqliteCollection.Name)]
public sealed class AttendanceSheetApiSqliteTests(SqliteApp app) : AttendanceSheetApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AttendanceSheetApiPostgresTests(PostgresApp app) : AttendanceSheetApiTests(app);
