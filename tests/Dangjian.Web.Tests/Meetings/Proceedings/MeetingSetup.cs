using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Meetings.Proceedings;

/// <summary>Meetings over HTTP on the demo district: people to invite, a meeting called, attendance and votes.</summary>
internal static class MeetingSetup
{
    /// <summary>Active people on the rolls of the organization's subtree, for a made-up team.</summary>
    public static async Task<int[]> PeopleUnderAsync(this AppFixture app, int organizationId, int count) =>
        await app.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync();
            var ids = await db.People.Where(p => !p.IsRemoved && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path) && o.Status == OrganizationStatus.Active))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(count).ToArrayAsync();
            Assert.Equal(count, ids.Length);
            return ids;
        });

    public static async Task<string[]> NamesAsync(this AppFixture app, IEnumerable<int> ids)
    {
        var list = ids.ToList();
        var names = await app.WithDbAsync(db => db.People.Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name));
        return [.. list.Select(id => names[id])];
    }

    /// <summary>A 党委会/支委会 with these members entitled (the first presides), called with enough notice for 2026-12-10.</summary>
    public static async Task<JsonElement> CallAsync(HttpClient client, int organizationId, int[] members, string title = "支委会", string date = "2026-12-10", string notice = "2026-12-07")
    {
        var response = await client.PostJsonAsync("/api/v1/meetings", new
        {
            organizationId,
            type = "CommitteeMeeting",
            title,
            date,
            noticeDate = notice,
            noticeText = "定于 " + date + " 召开会议，请准时参加。",
            emergency = false,
            secretaryPersonId = members[0],
            participants = members.Select(m => new { personId = m, entitled = true }),
        });
        return await response.ReadAsync<JsonElement>();
    }

    public static async Task<JsonElement> AddItemAsync(HttpClient client, int meetingId, string title, string category, int? inCharge = null, string voteMode = "Open", int[]? proposers = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/meetings/{meetingId}/items", new
        {
            title,
            category,
            inChargePersonId = inCharge,
            proposerIds = proposers ?? [],
            material = "材料：" + title,
            voteMode,
        });
        return await response.ReadAsync<JsonElement>();
    }

    public static JsonElement Item(JsonElement meeting, string title) =>
        meeting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);

    public static async Task PresentAsync(HttpClient client, int meetingId, int personId, int? arrivedAtItem = null, int? leftAfterItem = null) =>
        await (await client.PutJsonAsync($"/api/v1/meetings/{meetingId}/attendance/{personId}", new { attendance = "Present", arrivedAtItem, leftAfterItem }))
            .ReadAsync<JsonElement>();

    public static async Task AbsentAsync(HttpClient client, int meetingId, int personId, string reason = "因公出差") =>
        await (await client.PutJsonAsync($"/api/v1/meetings/{meetingId}/attendance/{personId}", new { attendance = "Absent", reason }))
            .ReadAsync<JsonElement>();

    public static async Task<JsonElement> GetAsync(HttpClient client, int meetingId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meetingId}", Http.Json);

    /// <summary>Casts a secret ballot as a member's phone does: the ballot page's form with its antiforgery token.</summary>
    public static async Task<HttpStatusCode> CastSecretAsync(this HttpClient phone, int itemId, string code, string choice)
    {
        var opened = await phone.GetAsync($"/meetings/ballot/{itemId}");
        var page = await opened.Content.ReadAsStringAsync();
        if (!opened.IsSuccessStatusCode)
        {
            return opened.StatusCode; // no form to fill: the vote is not open (409) or there is no such vote (404)
        }

        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var response = await phone.PostAsync($"/meetings/ballot/{itemId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "item-ballot",
            ["__RequestVerificationToken"] = token,
            ["code"] = code,
            ["choice"] = choice,
        }));
        return response.StatusCode;
    }

    public static Task<HttpResponseMessage> SpeakAsync(HttpClient client, int itemId, int personId, string view) =>
        client.PostJsonAsync($"/api/v1/meetings/items/{itemId}/speeches", new { personId, view, summary = "发言要点" });

    public static Task<HttpResponseMessage> VoteAsync(HttpClient client, JsonElement item, IEnumerable<(int Person, string Choice)> votes) =>
        client.PostJsonAsync($"/api/v1/meetings/items/{item.GetProperty("id").GetInt32()}/votes", new
        {
            votes = votes.Select(v => new { personId = v.Person, choice = v.Choice }),
            version = item.GetProperty("version").GetInt32(),
        });
}
