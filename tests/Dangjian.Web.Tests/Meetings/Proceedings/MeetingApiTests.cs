using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Web.Tests.Exports;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Web.Tests.Meetings.Proceedings.MeetingSetup;

namespace Dangjian.Web.Tests.Meetings.Proceedings;

/// <summary>
/// Meetings over HTTP (MTG-1 … MTG-7, MTG-10): notice in working days, attendance that changes between items, the
/// quorum per item, the secretary speaking last, open and secret votes, and a dissent escalated and ruled on.
/// </summary>
public abstract class MeetingApiTests(AppFixture app)
{
    [Fact]
    public async Task ShortNotice_IsRefusedUnlessMarkedEmergencyWithAReason()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var members = await app.PeopleUnderAsync(t.BranchOfA, 5);
        var before = await app.WithDbAsync(db => db.Meetings.CountAsync());
        // Notice on 9/30 for a meeting on 10/8: 10/1–7 are the National Day holiday, so one working day.
        object Request(bool emergency, string? reason) => new
        {
            organizationId = t.BranchOfA, type = "CommitteeMeeting", title = "临时支委会", date = "2026-10-08", noticeDate = "2026-09-30",
            emergency, emergencyReason = reason, secretaryPersonId = members[0],
            participants = members.Select(m => new { personId = m, entitled = true }),
        };

        var refused = await (await client.PostJsonAsync("/api/v1/meetings", Request(false, null))).ProblemErrorsAsync();
        Assert.Contains("2", Assert.Single(refused["noticeDate"]), StringComparison.Ordinal);
        Assert.Contains("1", refused["noticeDate"][0], StringComparison.Ordinal);
        var noReason = await (await client.PostJsonAsync("/api/v1/meetings", Request(true, " "))).ProblemErrorsAsync();
        Assert.Contains("emergencyReason", noReason.Keys);
        Assert.Equal(before, await app.WithDbAsync(db => db.Meetings.CountAsync()));

        var called = await (await client.PostJsonAsync("/api/v1/meetings", Request(true, "防汛紧急部署"))).ReadAsync<JsonElement>();
        Assert.True(called.GetProperty("emergency").GetBoolean());
        Assert.Equal("防汛紧急部署", called.GetProperty("emergencyReason").GetString());
        Assert.Equal(1, called.GetProperty("noticeWorkingDays").GetInt32());
        Assert.Equal(2, called.GetProperty("noticeRequiredDays").GetInt32());

        // Two working days before is enough: 9/29 and 9/30.
        var onTime = await (await client.PostJsonAsync("/api/v1/meetings", new
        {
            organizationId = t.BranchOfA, type = "CommitteeMeeting", title = "支委会", date = "2026-10-08", noticeDate = "2026-09-29",
            secretaryPersonId = members[0], participants = members.Select(m => new { personId = m, entitled = true }),
        })).ReadAsync<JsonElement>();
        Assert.False(onTime.GetProperty("emergency").GetBoolean());
        Assert.True(onTime.GetProperty("noticeOk").GetBoolean());
    }

    [Fact]
    public async Task NoticePeriod_IsAPerOrganizationSetting()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        // A demo branch of township A with people on its rolls (other tests add empty organizations under A).
        var org = await app.WithDbAsync(db => db.Organizations
            .Where(o => o.ParentId == t.A && o.Id != t.BranchOfA && o.Status == Dangjian.Domain.Organizations.OrganizationStatus.Active
                && db.People.Count(p => p.OrganizationId == o.Id && !p.IsRemoved) >= 3)
            .OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync());
        var settings = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/settings/{org}", Http.Json);
        await (await client.PutJsonAsync($"/api/v1/meetings/settings/{org}", new { noticeWorkingDays = 5, version = settings.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();
        var members = await app.PeopleUnderAsync(org, 3);
        try
        {
            // 12/7 → 12/10 is 3 working days: enough by default, not with 5.
            var response = await client.PostJsonAsync("/api/v1/meetings", new
            {
                organizationId = org, type = "CommitteeMeeting", title = "支委会", date = "2026-12-10", noticeDate = "2026-12-07",
                secretaryPersonId = members[0], participants = members.Select(m => new { personId = m, entitled = true }),
            });
            Assert.Contains("5", (await response.ProblemErrorsAsync())["noticeDate"][0], StringComparison.Ordinal);
        }
        finally
        {
            var now = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/settings/{org}", Http.Json);
            await (await client.PutJsonAsync($"/api/v1/meetings/settings/{org}", new { noticeWorkingDays = 2, version = now.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();
        }
    }

    [Fact]
    public async Task AttendanceChangesBetweenItems_TheLaterItemFailsItsQuorum()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 6);
        var meeting = await CallAsync(client, t.BranchOfA, m);
        var id = meeting.GetProperty("id").GetInt32();
        await AddItemAsync(client, id, "村集体资金使用", "Major", inCharge: m[1]);
        await AddItemAsync(client, id, "发展党员", "Routine");
        await AddItemAsync(client, id, "推荐村干部人选", "Cadre");
        foreach (var p in m.Take(3))
        {
            await PresentAsync(client, id, p);
        }

        // The fourth member leaves after item 1; two are absent with leave.
        await PresentAsync(client, id, m[3], leftAfterItem: 1);
        await AbsentAsync(client, id, m[4]);
        await AbsentAsync(client, id, m[5], "病假");

        var held = await GetAsync(client, id);
        Assert.Equal("InProgress", held.GetProperty("status").GetString());
        var major = Item(held, "村集体资金使用");
        Assert.Equal(4, major.GetProperty("present").GetInt32());
        Assert.True(major.GetProperty("quorumMet").GetBoolean());
        var routine = Item(held, "发展党员");
        Assert.Equal(3, routine.GetProperty("present").GetInt32()); // 3 of 6 is not more than half
        Assert.False(routine.GetProperty("quorumMet").GetBoolean());
        Assert.Equal(["attendance-below-half"], routine.GetProperty("quorumProblems").EnumerateArray().Select(x => x.GetString()));
        var cadre = Item(held, "推荐村干部人选");
        Assert.Equal(["attendance-below-two-thirds"], cadre.GetProperty("quorumProblems").EnumerateArray().Select(x => x.GetString()));

        // Item 1: 4 for of 6 entitled passes (4 > 3).
        var after1 = await (await VoteAsync(client, major, [(m[0], "For"), (m[1], "For"), (m[2], "For"), (m[3], "For")])).ReadAsync<JsonElement>();
        var decided = Item(after1, "村集体资金使用");
        Assert.Equal("Passed", decided.GetProperty("outcome").GetString());
        Assert.Equal(4, decided.GetProperty("votesFor").GetInt32());
        Assert.Equal(m[0..4], decided.GetProperty("votes").EnumerateArray().Select(v => v.GetProperty("personId").GetInt32()));

        // The member who left cannot vote on item 2; the three left vote for it, yet nothing is decided.
        var gone = await VoteAsync(client, routine, [(m[3], "For")]);
        Assert.Contains("votes[0].personId", (await gone.ProblemErrorsAsync()).Keys);
        var after2 = await (await VoteAsync(client, routine, [(m[0], "For"), (m[1], "For"), (m[2], "For")])).ReadAsync<JsonElement>();
        Assert.Equal("NotDecided", Item(after2, "发展党员").GetProperty("outcome").GetString());

        // The member comes back for item 3: 4 of 6 meets two thirds; 3 for of 6 is not more than half.
        await PresentAsync(client, id, m[3]);
        var before3 = Item(await GetAsync(client, id), "推荐村干部人选");
        Assert.True(before3.GetProperty("quorumMet").GetBoolean());
        var after3 = await (await VoteAsync(client, before3, [(m[0], "For"), (m[1], "For"), (m[2], "For"), (m[3], "Against")])).ReadAsync<JsonElement>();
        Assert.Equal("Rejected", Item(after3, "推荐村干部人选").GetProperty("outcome").GetString());

        // Item 1 keeps the attendance it was decided on.
        Assert.Equal(4, Item(after3, "村集体资金使用").GetProperty("present").GetInt32());
    }

    [Fact]
    public async Task MajorItem_MemberInChargeAbsent_IsNotDecided()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 5);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        await AddItemAsync(client, id, "重大投资", "Major", inCharge: m[4]);
        foreach (var p in m.Take(4))
        {
            await PresentAsync(client, id, p);
        }

        await AbsentAsync(client, id, m[4]);
        var item = Item(await GetAsync(client, id), "重大投资");
        Assert.Equal(["in-charge-absent"], item.GetProperty("quorumProblems").EnumerateArray().Select(x => x.GetString()));
        var voted = await (await VoteAsync(client, item, m.Take(4).Select(p => (p, "For")))).ReadAsync<JsonElement>();
        Assert.Equal("NotDecided", Item(voted, "重大投资").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Secretary_SpeaksLast_TheRecordShowsTheOrder()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 4);
        var names = await app.NamesAsync(m);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        var itemId = (Item(await AddItemAsync(client, id, "议题", "Routine"), "议题")).GetProperty("id").GetInt32();
        foreach (var p in m)
        {
            await PresentAsync(client, id, p);
        }

        Assert.Equal(HttpStatusCode.OK, (await SpeakAsync(client, itemId, m[1], "For")).StatusCode);
        var early = await (await SpeakAsync(client, itemId, m[0], "For")).ProblemErrorsAsync();
        Assert.Contains(names[2], early["personId"][0], StringComparison.Ordinal);
        Assert.Contains(names[3], early["personId"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SpeakAsync(client, itemId, m[3], "Against")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SpeakAsync(client, itemId, m[2], "For")).StatusCode);
        var last = await (await SpeakAsync(client, itemId, m[0], "Against")).ReadAsync<JsonElement>();

        var item = Item(last, "议题");
        Assert.Equal([m[1], m[3], m[2], m[0]], item.GetProperty("speeches").EnumerateArray().Select(s => s.GetProperty("personId").GetInt32()));
        Assert.Equal("Against", item.GetProperty("secretaryView").GetString());
        Assert.Empty(item.GetProperty("stillToSpeakBeforeSecretary").EnumerateArray());
    }

    [Fact]
    public async Task SecretVote_OnlyTheCountsAreKept()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 5);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        var item = Item(await AddItemAsync(client, id, "无记名表决事项", "Routine", voteMode: "Secret"), "无记名表决事项");
        var itemId = item.GetProperty("id").GetInt32();
        foreach (var p in m.Take(4))
        {
            await PresentAsync(client, id, p);
        }

        await AbsentAsync(client, id, m[4]);
        var started = await (await client.PostJsonAsync($"/api/v1/meetings/items/{itemId}/secret-vote", new { version = item.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();
        var codes = started.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(4, codes.Count);

        var phone = app.AnonymousClient();
        string[] choices = ["For", "For", "For", "Against"];
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await phone.CastSecretAsync(itemId, codes[i], choices[i]));
        }

        Assert.Equal(HttpStatusCode.Conflict, await phone.CastSecretAsync(itemId, codes[0], "Against")); // already used
        Assert.Equal(HttpStatusCode.Forbidden, await phone.CastSecretAsync(itemId, Dangjian.Domain.Secrecy.AccessCode.NewCode(), "Against"));
        var voting = Item(await GetAsync(client, id), "无记名表决事项");
        Assert.Equal("Voting", voting.GetProperty("status").GetString());
        var closed = await (await client.PostJsonAsync($"/api/v1/meetings/items/{itemId}/secret-vote/close", new { version = voting.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();
        var decided = Item(closed, "无记名表决事项");
        Assert.Equal(3, decided.GetProperty("votesFor").GetInt32()); // 3 of 5 entitled: passes
        Assert.Equal(1, decided.GetProperty("votesAgainst").GetInt32());
        Assert.Equal("Passed", decided.GetProperty("outcome").GetString());
        Assert.Empty(decided.GetProperty("votes").EnumerateArray());
        Assert.Equal(0, await app.WithDbAsync(db => db.ItemVotes.CountAsync(v => v.ItemId == itemId)));
        Assert.Equal(HttpStatusCode.Conflict, await phone.CastSecretAsync(itemId, codes[1], "For"));
    }

    [Fact]
    public async Task SecretaryDissent_IsEscalated_AndOnlyTheSuperiorRules()
    {
        // A 党委会 of township A: its superior is the district, which orgadmin.a cannot change.
        var t = await app.TownshipsAsync();
        var townshipAdmin = await app.ClientForAsync(Demo.OrgAdminA);
        var district = await app.ClientForAsync(Demo.DistrictAdmin);
        var m = await app.PeopleUnderAsync(t.A, 7);
        var id = (await CallAsync(townshipAdmin, t.A, m, "党委会")).GetProperty("id").GetInt32();
        var item = Item(await AddItemAsync(townshipAdmin, id, "项目招标方案", "Major", inCharge: m[2], proposers: [m[1]]), "项目招标方案");
        var itemId = item.GetProperty("id").GetInt32();
        foreach (var p in m)
        {
            await PresentAsync(townshipAdmin, id, p);
        }

        foreach (var p in m.Skip(1))
        {
            await SpeakAsync(townshipAdmin, itemId, p, "For");
        }

        await SpeakAsync(townshipAdmin, itemId, m[0], "Against");
        item = Item(await GetAsync(townshipAdmin, id), "项目招标方案");
        var voted = await (await VoteAsync(townshipAdmin, item, m.Select((p, i) => (p, i == 0 ? "Against" : "For")))).ReadAsync<JsonElement>();
        item = Item(voted, "项目招标方案");
        Assert.Equal("Passed", item.GetProperty("outcome").GetString());
        Assert.True(item.GetProperty("escalated").GetBoolean());
        Assert.Equal("AwaitingRuling", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("finalOutcome").ValueKind);

        // The meeting's own organization cannot rule; an outsider cannot even see it; the district can.
        var ruling = new { outcome = "Passed", text = "同意按多数意见执行", version = item.GetProperty("version").GetInt32() };
        Assert.Equal(HttpStatusCode.Forbidden, (await townshipAdmin.PostJsonAsync($"/api/v1/meetings/items/{itemId}/ruling", ruling)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).PostJsonAsync($"/api/v1/meetings/items/{itemId}/ruling", ruling)).StatusCode);
        Assert.DoesNotContain(await townshipAdmin.GetFromJsonAsync<JsonElement[]>("/api/v1/meetings/escalations", Http.Json) ?? [], e => e.GetProperty("itemId").GetInt32() == itemId);
        Assert.Contains(await district.GetFromJsonAsync<JsonElement[]>("/api/v1/meetings/escalations", Http.Json) ?? [], e => e.GetProperty("itemId").GetInt32() == itemId);
        Assert.Equal("AwaitingRuling", Item(await GetAsync(townshipAdmin, id), "项目招标方案").GetProperty("status").GetString());

        // RPT-2: the rulings list exports what each caller's list holds — the district's has the item, the township's not.
        var districtList = await district.GetFromJsonAsync<JsonElement[]>("/api/v1/meetings/escalations", Http.Json) ?? [];
        var districtSheet = await (await district.GetAsync("/api/v1/meetings/escalations/export")).RowsAsync();
        Assert.Equal(districtList.Length, districtSheet.Count);
        Assert.Contains(districtSheet, r => r["议题"] == "项目招标方案" && r["书记意见"] != string.Empty);
        var townshipList = await townshipAdmin.GetFromJsonAsync<JsonElement[]>("/api/v1/meetings/escalations", Http.Json) ?? [];
        Assert.Equal(townshipList.Length, (await (await townshipAdmin.GetAsync("/api/v1/meetings/escalations/export")).RowsAsync()).Count);

        var ruled = Item(await (await district.PostJsonAsync($"/api/v1/meetings/items/{itemId}/ruling", ruling)).ReadAsync<JsonElement>(), "项目招标方案");
        Assert.Equal("Ruled", ruled.GetProperty("status").GetString());
        Assert.Equal("Passed", ruled.GetProperty("finalOutcome").GetString());
        Assert.Equal("同意按多数意见执行", ruled.GetProperty("rulingText").GetString());
        Assert.Equal(districtSheet.Count - 1, (await (await district.GetAsync("/api/v1/meetings/escalations/export")).RowsAsync()).Count);
        // A second ruling with the version seen before is a conflict, not a silent overwrite.
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostJsonAsync($"/api/v1/meetings/items/{itemId}/ruling", ruling)).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "AgendaItem.Ruled").Select(a => a.EntityId).ToListAsync()), e => e == itemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AdministrativeHead_DecidesWithAQuorum_RecordedAsSuch_NeverEscalated()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 4);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        var item = Item(await AddItemAsync(client, id, "行政首长决定事项", "Routine", voteMode: "AdministrativeHead"), "行政首长决定事项");
        var itemId = item.GetProperty("id").GetInt32();
        await PresentAsync(client, id, m[0]);
        await PresentAsync(client, id, m[1]);

        // 2 of 4 is not more than half: the head cannot decide it.
        var early = Item(await (await client.PostJsonAsync($"/api/v1/meetings/items/{itemId}/head-decision", new { outcome = "Passed", version = item.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>(), "行政首长决定事项");
        Assert.Equal("NotDecided", early.GetProperty("outcome").GetString());

        var other = Item(await AddItemAsync(client, id, "第二个行政首长决定事项", "Routine", voteMode: "AdministrativeHead"), "第二个行政首长决定事项");
        await SpeakAsync(client, other.GetProperty("id").GetInt32(), m[1], "Against");
        await PresentAsync(client, id, m[2]);
        other = Item(await GetAsync(client, id), "第二个行政首长决定事项");
        // An open vote is refused on such an item; the head decides, and a contrary view does not escalate it.
        Assert.Contains("voteMode", (await (await VoteAsync(client, other, [(m[0], "For")])).ProblemErrorsAsync()).Keys);
        var decided = Item(await (await client.PostJsonAsync($"/api/v1/meetings/items/{other.GetProperty("id").GetInt32()}/head-decision", new { outcome = "Passed", version = other.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>(), "第二个行政首长决定事项");
        Assert.Equal("Passed", decided.GetProperty("outcome").GetString());
        Assert.Equal("Decided", decided.GetProperty("status").GetString());
        Assert.False(decided.GetProperty("escalated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("votesFor").ValueKind);
    }

    [Fact]
    public async Task MandatoryItem_RaisedByHalfTheTeam_CannotBeWithdrawn()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 6);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        var three = Item(await AddItemAsync(client, id, "三人提出的议题", "Routine", proposers: [m[1], m[2], m[3]]), "三人提出的议题");
        var two = Item(await AddItemAsync(client, id, "两人提出的议题", "Routine", proposers: [m[1], m[2]]), "两人提出的议题");
        Assert.True(three.GetProperty("mandatory").GetBoolean());
        Assert.False(two.GetProperty("mandatory").GetBoolean());

        var refused = await client.PostJsonAsync($"/api/v1/meetings/items/{three.GetProperty("id").GetInt32()}/withdraw", new { version = three.GetProperty("version").GetInt32() });
        Assert.Contains("id", (await refused.ProblemErrorsAsync()).Keys);
        var withdrawn = await (await client.PostJsonAsync($"/api/v1/meetings/items/{two.GetProperty("id").GetInt32()}/withdraw", new { version = two.GetProperty("version").GetInt32() })).ReadAsync<JsonElement>();
        Assert.Equal("Withdrawn", Item(withdrawn, "两人提出的议题").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scope_TownshipAAdmin_IsRefusedTownshipBsMeeting_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfB, 4);
        var meeting = await CallAsync(b, t.BranchOfB, m, "B的支委会");
        var id = meeting.GetProperty("id").GetInt32();
        var item = Item(await AddItemAsync(b, id, "B的议题", "Routine"), "B的议题");
        var itemId = item.GetProperty("id").GetInt32();
        var version = meeting.GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/api/v1/meetings?organizationId={t.BranchOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutJsonAsync($"/api/v1/meetings/{id}", new { title = "改", date = "2026-12-10", noticeDate = "2026-12-07", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/{id}/cancel", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutJsonAsync($"/api/v1/meetings/{id}/attendance/{m[0]}", new { attendance = "Present" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/{id}/items", new { title = "x", category = "Routine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/items/{itemId}/speeches", new { personId = m[1] })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VoteAsync(a, item, [(m[0], "For")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/items/{itemId}/withdraw", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/api/v1/meetings/settings/{t.BranchOfB}")).StatusCode);
        // A meeting of A cannot invite B's people (their names would show on A's meeting).
        var stranger = await a.PostJsonAsync("/api/v1/meetings", new
        {
            organizationId = t.BranchOfA, type = "CommitteeMeeting", title = "x", date = "2026-12-10", noticeDate = "2026-12-07",
            participants = new[] { new { personId = t.PersonOfB, entitled = true } },
        });
        Assert.Contains("participants", (await stranger.ProblemErrorsAsync()).Keys);

        var list = await a.GetFromJsonAsync<JsonElement>("/api/v1/meetings?pageSize=200", Http.Json);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var after = await GetAsync(b, id);
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.All(after.GetProperty("participants").EnumerateArray(), p => Assert.Equal("Unrecorded", p.GetProperty("attendance").GetString()));
        Assert.Single(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Pages_ShowTheMeeting_AndRefuseOutsideTheScope()
    {
        var t = await app.TownshipsAsync();
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var m = await app.PeopleUnderAsync(t.BranchOfB, 4);
        var id = (await CallAsync(b, t.BranchOfB, m, "B支部秘密会议")).GetProperty("id").GetInt32();
        await AddItemAsync(b, id, "B支部的敏感议题", "Routine");

        var own = await app.SignInAsync(Demo.OrgAdminB);
        var page = await own.GetStringAsync($"/meetings/{id}");
        Assert.Contains("B支部秘密会议", page, StringComparison.Ordinal);
        Assert.Contains("B支部的敏感议题", page, StringComparison.Ordinal);
        Assert.Contains("B支部秘密会议", await own.GetStringAsync($"/meetings/{id}/notice"), StringComparison.Ordinal);
        Assert.Contains("B支部秘密会议", await own.GetStringAsync("/meetings"), StringComparison.Ordinal);

        var other = await app.SignInAsync(Demo.OrgAdminA);
        foreach (var url in new[] { $"/meetings/{id}", $"/meetings/{id}/notice" })
        {
            var refused = await other.GetStringAsync(url);
            Assert.Contains("data-refused=\"true\"", refused, StringComparison.Ordinal);
            Assert.DoesNotContain("B支部", refused, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("B支部秘密会议", await other.GetStringAsync("/meetings"), StringComparison.Ordinal);
        // The anonymous ballot page says nothing of an item that is not in a secret vote.
        var ballot = await app.AnonymousClient().GetAsync($"/meetings/ballot/{id}");
        Assert.DoesNotContain("B支部", await ballot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionRegister_ListsDecidedItemsWithProposersAndCounts_InScopeOnly()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 3);
        var names = await app.NamesAsync(m);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        var title = "登记台账议题" + Guid.NewGuid().ToString("N")[..6];
        var item = Item(await AddItemAsync(client, id, title, "Routine", proposers: [m[2]]), title);
        foreach (var p in m)
        {
            await PresentAsync(client, id, p);
        }

        await (await VoteAsync(client, item, [(m[0], "For"), (m[1], "For"), (m[2], "Abstain")])).ReadAsync<JsonElement>();

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/decisions?search={Uri.EscapeDataString(title)}", Http.Json);
        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal([names[2]], row.GetProperty("proposerNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(2, row.GetProperty("votesFor").GetInt32());
        Assert.Equal(1, row.GetProperty("votesAbstain").GetInt32());
        Assert.Equal("Passed", row.GetProperty("finalOutcome").GetString());
        var export = await client.GetAsync($"/api/v1/meetings/decisions/export?search={Uri.EscapeDataString(title)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);

        var other = await app.ClientForAsync(Demo.OrgAdminB);
        var none = await other.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/decisions?search={Uri.EscapeDataString(title)}", Http.Json);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/meetings/decisions?organizationId={t.BranchOfA}")).StatusCode);
    }

    [Fact]
    public async Task Material_IsAttachedDownloadedAndRemoved_InScopeOnly()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 3);
        var id = (await CallAsync(client, t.BranchOfA, m)).GetProperty("id").GetInt32();
        var itemId = Item(await AddItemAsync(client, id, "带附件的议题", "Routine"), "带附件的议题").GetProperty("id").GetInt32();
        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 上会材料：村部改造方案");
        var url = $"/api/v1/meetings/items/{itemId}/attachments?fileName={Uri.EscapeDataString("村部改造方案.pdf")}";

        // Another content type (what a cross-site form could send) is refused; so is an empty file; nothing is stored.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync(url, new StringContent("x", System.Text.Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.Contains("file", (await (await client.PostAsync(url, Octets([]))).ProblemErrorsAsync()).Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.ItemAttachments.CountAsync(a => a.ItemId == itemId)));

        var other = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(url, Octets(bytes))).StatusCode);

        var meeting = await (await client.PostAsync(url, Octets(bytes))).ReadAsync<JsonElement>();
        var attachment = Assert.Single(Item(meeting, "带附件的议题").GetProperty("attachments").EnumerateArray());
        Assert.Equal("村部改造方案.pdf", attachment.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), attachment.GetProperty("sha256").GetString());
        var attachmentId = attachment.GetProperty("id").GetInt32();

        var download = await client.GetAsync($"/api/v1/meetings/attachments/{attachmentId}");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/meetings/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/api/v1/meetings/attachments/{attachmentId}")).StatusCode);

        // The audit log keeps the file's hash, never its bytes.
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ItemAttachment" && a.EntityId == attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.After).SingleAsync());
        Assert.Contains(attachment.GetProperty("sha256").GetString()!, audited!, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Content\":", audited!, StringComparison.Ordinal);

        var removed = await (await client.DeleteAsync($"/api/v1/meetings/attachments/{attachmentId}")).ReadAsync<JsonElement>();
        Assert.Empty(Item(removed, "带附件的议题").GetProperty("attachments").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/meetings/attachments/{attachmentId}")).StatusCode);
    }

    private static ByteArrayContent Octets(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [Fact]
    public async Task ConcurrentEdit_IsAConflict()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var m = await app.PeopleUnderAsync(t.BranchOfA, 3);
        var meeting = await CallAsync(client, t.BranchOfA, m);
        var id = meeting.GetProperty("id").GetInt32();
        var version = meeting.GetProperty("version").GetInt32();
        object Edit(string title) => new { title, date = "2026-12-10", noticeDate = "2026-12-07", secretaryPersonId = m[0], version };

        await (await client.PutJsonAsync($"/api/v1/meetings/{id}", Edit("第一次修改"))).ReadAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync($"/api/v1/meetings/{id}", Edit("第二次修改"))).StatusCode);
        Assert.Equal("第一次修改", (await GetAsync(client, id)).GetProperty("title").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MeetingApiSqliteTests(SqliteApp app) : MeetingApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MeetingApiPostgresTests(PostgresApp app) : MeetingApiTests(app);
