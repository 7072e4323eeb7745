using System.Net;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Meetings.Minutes;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Meetings.Minutes;

/// <summary>The minutes pages as the server prerenders them: revisions, the printed 纪要, the register, and the refusal outside scope.</summary>
public abstract class MinutesPageTests(AppFixture app)
{
    private static readonly DateOnly Day = new(2026, 9, 8);

    [Fact]
    public async Task MinutesPage_ShowsTheNumber_AndSupersededRevisionsMarked()
    {
        var (meeting, display) = await CorrectedMeetingAsync();

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/{meeting}/minutes");

        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains(display, html, StringComparison.Ordinal);
        Assert.Contains("第一稿：决定修缮活动室。", html, StringComparison.Ordinal);
        Assert.Contains("更正稿：决定修缮党员活动室。", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Superseded\"", html, StringComparison.Ordinal);
        Assert.Contains("已被更正", html, StringComparison.Ordinal);
        Assert.Contains("名称笔误", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintPage_IsAFormalDocument_WithHeaderNumberAttendanceItemsAndSignature()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, Day, title: "九月支委会");
        var people = await app.WithDbAsync(async db =>
        {
            var ids = await db.People.Where(p => p.OrganizationId == t.BranchOfA && !p.IsRemoved).OrderBy(p => p.Id).Take(3).Select(p => new { p.Id, p.Name }).ToListAsync();
            db.MeetingParticipants.AddRange(
                new MeetingParticipant { MeetingId = meeting, PersonId = ids[0].Id, Entitled = true, Attendance = Attendance.Present },
                new MeetingParticipant { MeetingId = meeting, PersonId = ids[1].Id, Entitled = true, Attendance = Attendance.Absent, Reason = "外出学习" },
                new MeetingParticipant { MeetingId = meeting, PersonId = ids[2].Id, Entitled = false, Attendance = Attendance.Present });
            db.AgendaItems.Add(new AgendaItem
            {
                MeetingId = meeting, Order = 1, Title = "研究活动室修缮方案", Category = ItemCategory.Major, Status = ItemStatus.Decided,
                Outcome = ItemOutcome.Passed, VotesFor = 5, VotesAgainst = 1, VotesAbstain = 0,
            });
            await db.SaveChangesAsync();
            return ids.Select(i => i.Name).ToList();
        });
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("会议同意活动室修缮方案。"));
        var draft = Assert.Single(await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>());
        var signed = (await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version))).ReadAsync<List<MinutesView>>())[0];
        var branch = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfA).Select(o => o.Name).FirstAsync());

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/{meeting}/minutes/print");

        Assert.Contains($"{branch}会议纪要", html, StringComparison.Ordinal);
        Assert.Contains($"data-number=\"{signed.Display}\"", html, StringComparison.Ordinal);
        Assert.Contains("九月支委会纪要", html, StringComparison.Ordinal);
        Assert.Contains("2026年9月8日", html, StringComparison.Ordinal);
        Assert.Contains(people[0], html, StringComparison.Ordinal);
        Assert.Contains($"{people[1]}（外出学习）", html, StringComparison.Ordinal);
        Assert.Contains("列　席", html, StringComparison.Ordinal);
        Assert.Contains("研究活动室修缮方案（重大事项）", html, StringComparison.Ordinal);
        Assert.Contains("赞成 5 票，反对 1 票，弃权 0 票", html, StringComparison.Ordinal);
        Assert.Contains("会议同意活动室修缮方案。", html, StringComparison.Ordinal);
        Assert.Contains("签发人：", html, StringComparison.Ordinal);
        Assert.Contains("@page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-doc-status", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintPage_OfASupersededRevision_SaysSo()
    {
        var (meeting, display) = await CorrectedMeetingAsync();

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/{meeting}/minutes/print?revision=1");

        Assert.Contains(display, html, StringComparison.Ordinal);
        Assert.Contains("第一稿：决定修缮活动室。", html, StringComparison.Ordinal);
        Assert.Contains("data-doc-status=\"Superseded\"", html, StringComparison.Ordinal);
        Assert.Contains("本版本已被更正", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterPage_ListsTheNumberedMinutes_WithTheExportLink()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var meeting = await app.NewMeetingAsync(org, Day, title: "登记簿测试会");
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("正文。"));
        var draft = Assert.Single(await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>());
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version));

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/minutes?organizationId={org}&year=2026");

        Assert.Contains("〔2026〕1号", html, StringComparison.Ordinal);
        Assert.Contains("登记簿测试会", html, StringComparison.Ordinal);
        Assert.Contains($"api/v1/meetings/minutes.xlsx?organizationId={org}&year=2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinutesPages_OfTownshipB_AreRefusedToOrgAdminA_AndShowNothingOfThem()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfB, Day, title: "乙乡镇保密会议");
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        await b.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("乙乡镇纪要正文。"));
        var branch = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfB).Select(o => o.Name).FirstAsync());

        foreach (var path in new[] { $"/meetings/{meeting}/minutes", $"/meetings/{meeting}/minutes/print", $"/meetings/minutes?organizationId={t.BranchOfB}&year=2026" })
        {
            var html = await PageAsync(Demo.OrgAdminA, path);

            Assert.Contains("data-refused", html, StringComparison.Ordinal);
            Assert.DoesNotContain("乙乡镇纪要正文。", html, StringComparison.Ordinal);
            Assert.DoesNotContain("乙乡镇保密会议", html, StringComparison.Ordinal);
            Assert.DoesNotContain(branch, html, StringComparison.Ordinal);
        }
    }

    private async Task<(int Meeting, string Display)> CorrectedMeetingAsync()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, Day);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("第一稿：决定修缮活动室。"));
        var draft = Assert.Single(await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>());
        await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version))).ReadAsync<List<MinutesView>>();
        var correction = (await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new CorrectMinutesRequest("名称笔误"))).ReadAsync<List<MinutesView>>())[0];
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("更正稿：决定修缮党员活动室。", correction.Version));
        var after = await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>();
        var signed = await (await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(after[0].Version))).ReadAsync<List<MinutesView>>();
        return (meeting, signed[0].Display!);
    }

    private async Task<string> PageAsync(string userName, string path)
    {
        var client = await app.SignInAsync(userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MinutesPageSqliteTests(SqliteApp app) : MinutesPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MinutesPagePostgresTests(PostgresApp app) : MinutesPageTests(app);
