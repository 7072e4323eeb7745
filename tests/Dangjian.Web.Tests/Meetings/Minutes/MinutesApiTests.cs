using System.Net;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Minutes;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Meetings.Minutes;

/// <summary>MTG-8 through /api/v1/meetings/{id}/minutes on each database: drafts, signing with the number, the lock, corrections.</summary>
public abstract class MinutesApiTests(AppFixture app)
{
    private static readonly DateOnly May6 = new(2026, 5, 6);

    [Fact]
    public async Task Draft_ThenSign_TakesTheFirstNumberOfTheYear_AndTheNextMeetingTheSecond()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var first = await app.NewMeetingAsync(org, May6);
        var second = await app.NewMeetingAsync(org, May6.AddDays(30));
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var created = await (await client.PostJsonAsync($"/api/v1/meetings/{first}/minutes", new SaveMinutesRequest("会议研究了三项议题。"))).ReadAsync<List<MinutesView>>();
        var draft = Assert.Single(created);
        Assert.Equal((1, MinutesStatus.Draft, (int?)null), (draft.Revision, draft.Status, draft.Number));

        var edited = await (await client.PostJsonAsync($"/api/v1/meetings/{first}/minutes", new SaveMinutesRequest("会议研究了三项议题，均获通过。", draft.Version))).ReadAsync<List<MinutesView>>();
        Assert.Equal("会议研究了三项议题，均获通过。", Assert.Single(edited).Text);

        var signed = Assert.Single(await SignAsync(client, first));
        Assert.Equal((MinutesStatus.SignedOff, 1, "〔2026〕1号", "orgadmin.a"), (signed.Status, signed.Number, signed.Display, signed.SignedBy));
        Assert.NotNull(signed.SignedAt);

        await client.PostJsonAsync($"/api/v1/meetings/{second}/minutes", new SaveMinutesRequest("第二次会议。"));
        Assert.Equal("〔2026〕2号", Assert.Single(await SignAsync(client, second)).Display);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(MeetingMinutes) && a.EntityId == signed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "MeetingMinutes.Edited", "MeetingMinutes.Signed"], audit);
    }

    [Fact]
    public async Task SignedMinutes_AreLocked_AnEditIsRefusedWithAClearMessage()
    {
        var (client, meeting) = await SignedMeetingAsync("原始纪要正文。");

        var response = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("偷偷改动。", 1));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("已锁定", errors["text"][0], StringComparison.Ordinal);
        Assert.Contains("更正", errors["text"][0], StringComparison.Ordinal);
        var stored = Assert.Single(await app.MinutesOfAsync(meeting));
        Assert.Equal(("原始纪要正文。", MinutesStatus.SignedOff), (stored.Text, stored.Status));
    }

    [Fact]
    public async Task Correction_IsANewRevision_KeepsTheNumber_AndTheOldOneStaysVisibleAsSuperseded()
    {
        var (client, meeting) = await SignedMeetingAsync("原文：表决结果5票赞成。");
        var number = (await app.MinutesOfAsync(meeting))[0].Number;

        var noReason = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new CorrectMinutesRequest("  "));
        Assert.Contains("reason", (await noReason.ProblemErrorsAsync()).Keys);

        var opened = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new CorrectMinutesRequest("票数笔误"));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var revisions = await opened.ReadAsync<List<MinutesView>>();
        Assert.Equal([2, 1], revisions.Select(r => r.Revision));
        Assert.Equal((MinutesStatus.Draft, "原文：表决结果5票赞成。", "票数笔误", number), (revisions[0].Status, revisions[0].Text, revisions[0].CorrectionReason, revisions[0].Number));
        Assert.Equal(MinutesStatus.SignedOff, revisions[1].Status);

        var second = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new CorrectMinutesRequest("再改"));
        Assert.Contains("reason", (await second.ProblemErrorsAsync()).Keys);

        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("更正：表决结果6票赞成。", revisions[0].Version));
        var after = await SignAsync(client, meeting);

        Assert.Equal([2, 1], after.Select(r => r.Revision));
        Assert.Equal((MinutesStatus.SignedOff, number, "更正：表决结果6票赞成。"), (after[0].Status, after[0].Number, after[0].Text));
        Assert.Equal((MinutesStatus.Superseded, number, "原文：表决结果5票赞成。"), (after[1].Status, after[1].Number, after[1].Text));
        var listed = await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>();
        Assert.Equal(after.Select(r => (r.Revision, r.Status)), listed.Select(r => (r.Revision, r.Status)));
    }

    [Fact]
    public async Task CancelledMeeting_TakesNoMinutes()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, May6, status: MeetingStatus.Cancelled);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("不应保存。"));

        Assert.Contains("meetingId", (await response.ProblemErrorsAsync()).Keys);
        Assert.Empty(await app.MinutesOfAsync(meeting));
    }

    [Fact]
    public async Task MeetingNotClosed_CannotSign_ButTheDraftCanBeWritten()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, May6, status: MeetingStatus.InProgress);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("边开边记。"));

        var response = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(0));

        Assert.Contains("meetingId", (await response.ProblemErrorsAsync()).Keys);
        Assert.Equal(MinutesStatus.Draft, Assert.Single(await app.MinutesOfAsync(meeting)).Status);
    }

    [Fact]
    public async Task StaleVersion_Is409_AndTheTextStays()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, May6);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var draft = Assert.Single(await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("第一稿。"))).ReadAsync<List<MinutesView>>());
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("第二稿。", draft.Version));

        var stale = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("过时的改动。", draft.Version));
        var staleSign = await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleSign.StatusCode);
        var stored = Assert.Single(await app.MinutesOfAsync(meeting));
        Assert.Equal(("第二稿。", MinutesStatus.Draft, (int?)null), (stored.Text, stored.Status, stored.Number));
    }

    [Fact]
    public async Task YearBoundary_December31IsLastYearsNumber_January1StartsAtOne()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var june = await app.NewMeetingAsync(org, new DateOnly(2026, 6, 1));
        var newYear = await app.NewMeetingAsync(org, new DateOnly(2027, 1, 1));
        var newYearsEve = await app.NewMeetingAsync(org, new DateOnly(2026, 12, 31));
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        // Signed out of order: the January meeting first; the December one still continues 2026's sequence.
        Assert.Equal("〔2026〕1号", await SignNewAsync(client, june));
        Assert.Equal("〔2027〕1号", await SignNewAsync(client, newYear));
        Assert.Equal("〔2026〕2号", await SignNewAsync(client, newYearsEve));
    }

    [Fact]
    public async Task SequencesAreIndependentPerOrganization()
    {
        var t = await app.TownshipsAsync();
        var one = await app.NewOrganizationAsync(t.A);
        var other = await app.NewOrganizationAsync(t.A);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal("〔2026〕1号", await SignNewAsync(client, await app.NewMeetingAsync(one, May6)));
        Assert.Equal("〔2026〕1号", await SignNewAsync(client, await app.NewMeetingAsync(other, May6)));
        Assert.Equal("〔2026〕2号", await SignNewAsync(client, await app.NewMeetingAsync(one, May6)));
    }

    [Fact]
    public async Task ManyMeetingsSignedAtOnce_GetDistinctConsecutiveNumbers()
    {
        const int count = 10;
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var drafts = new List<(int Meeting, int Version)>();
        for (var i = 0; i < count; i++)
        {
            var meeting = await app.NewMeetingAsync(org, May6.AddDays(i));
            var d = Assert.Single(await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest($"第{i + 1}次会议纪要。"))).ReadAsync<List<MinutesView>>());
            drafts.Add((meeting, d.Version));
        }

        using var start = new ManualResetEventSlim();
        var signing = drafts.Select(d => Task.Run(async () =>
        {
            start.Wait();
            return await client.PostJsonAsync($"/api/v1/meetings/{d.Meeting}/minutes/sign", new SignMinutesRequest(d.Version));
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(signing);

        foreach (var r in responses)
        {
            Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        }

        var numbers = await app.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().Where(m => m.OrganizationId == org).Select(m => m.Number!.Value).ToListAsync());
        Assert.Equal(Enumerable.Range(1, count), numbers.Order());
    }

    [Fact]
    public async Task Register_ListsTheYearsNumberedMinutesInOrder_AndExports()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await SignNewAsync(client, await app.NewMeetingAsync(org, May6, title: "五月支委会"));
        await SignNewAsync(client, await app.NewMeetingAsync(org, May6.AddMonths(1), MeetingType.MembersAssembly, title: "六月党员大会"));
        await SignNewAsync(client, await app.NewMeetingAsync(org, new DateOnly(2025, 12, 1), title: "去年的会"));
        await app.NewMeetingAsync(org, May6.AddMonths(2), title: "没有纪要的会");

        var register = await (await client.GetAsync($"/api/v1/meetings/minutes?organizationId={org}&year=2026")).ReadAsync<MinutesRegister>();

        Assert.Equal(["〔2026〕1号 五月支委会", "〔2026〕2号 六月党员大会"], register.Rows.Select(r => $"{r.Display} {r.MeetingTitle}"));
        var xlsx = await client.GetAsync($"/api/v1/meetings/minutes.xlsx?organizationId={org}&year=2026");
        Assert.Equal(ExcelFile.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["〔2026〕1号", "〔2026〕2号"], rows.Select(r => r["编号"]?.ToString()));

        var missing = await client.GetAsync("/api/v1/meetings/minutes?year=2026");
        Assert.Contains("organizationId", (await missing.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task TownshipBsMeeting_IsRefusedToOrgAdminA_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfB, May6);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var draft = Assert.Single(await (await b.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("乙乡镇的纪要。"))).ReadAsync<List<MinutesView>>());
        var a = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/api/v1/meetings/{meeting}/minutes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("甲的改动。", draft.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new CorrectMinutesRequest("甲的更正"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/api/v1/meetings/minutes?organizationId={t.BranchOfB}&year=2026")).StatusCode);

        var stored = Assert.Single(await app.MinutesOfAsync(meeting));
        Assert.Equal(("乙乡镇的纪要。", MinutesStatus.Draft, draft.Version), (stored.Text, stored.Status, stored.Version));
    }

    [Fact]
    public async Task Member_CannotWriteMinutes()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, May6);
        var member = await app.ClientForAsync(Demo.Member);

        var response = await member.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("党员不能写纪要。"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await app.MinutesOfAsync(meeting));
    }

    private async Task<(HttpClient Client, int Meeting)> SignedMeetingAsync(string text)
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, May6);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest(text));
        await SignAsync(client, meeting);
        return (client, meeting);
    }

    private async Task<string?> SignNewAsync(HttpClient client, int meeting)
    {
        await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("纪要正文。"))).ReadAsync<List<MinutesView>>();
        return (await SignAsync(client, meeting))[0].Display;
    }

    private static async Task<List<MinutesView>> SignAsync(HttpClient client, int meeting)
    {
        var current = await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>();
        var draft = current.Single(r => r.Status == MinutesStatus.Draft);
        return await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version))).ReadAsync<List<MinutesView>>();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MinutesApiSqliteTests(SqliteApp app) : MinutesApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MinutesApiPostgresTests(PostgresApp app) : MinutesApiTests(app);
