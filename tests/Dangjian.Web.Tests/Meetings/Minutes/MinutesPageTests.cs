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
        Assert.Contains("赞成 5 票，不赞成 1 票，弃权 0 票", html, StringComparison.Ordinal);
        Assert.Contains("会议同意活动室修缮方案。", html, StringComparison.Ordinal);
        Assert.Contains("签发人：", html, StringComparison.Ordinal);
        Assert.Contains("@page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-doc-status", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintPage_ShowsTheDiscussion_AndTheSignerByNameAndPost_NotTheAccount()
    {
        var t = await app.TownshipsAsync();
        var meeting = await app.NewMeetingAsync(t.BranchOfA, Day, title: "十月支委会");
        var (signerName, post, speaker) = await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var teams = db.LeadershipTeams.Include(x => x.Positions).Where(x => x.OrganizationId == t.BranchOfA);
            var team = await teams.Where(x => x.StartsOn <= today && today <= x.EndsOn).FirstOrDefaultAsync() ?? await teams.OrderByDescending(x => x.StartsOn).FirstAsync();
            var top = team.Positions.OrderBy(p => p.Role).First();
            var person = await db.People.Where(p => p.Id == top.PersonId).Select(p => new { p.Id, p.Name }).FirstAsync();
            db.Users.Add(new Dangjian.Data.Accounts.AppUser
            {
                UserName = "signer." + meeting, NormalizedUserName = "SIGNER." + meeting, DisplayName = "账号显示名" + meeting, PersonId = person.Id, CreatedAt = DateTimeOffset.UtcNow,
            });
            db.AgendaItems.Add(new AgendaItem
            {
                MeetingId = meeting, Order = 1, Title = "研究村道维修", Category = ItemCategory.Routine, Status = ItemStatus.Decided,
                Outcome = ItemOutcome.Passed, VotesFor = 3, VotesAgainst = 0, VotesAbstain = 0,
                Speeches = [new ItemSpeech { Sequence = 1, PersonId = person.Id, View = VoteChoice.For, Summary = "维修资金从村集体收入列支" }],
            });
            await db.SaveChangesAsync();
            return (person.Name, top.Role, person.Name);
        });
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("会议同意维修村道。"));
        var draft = Assert.Single(await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>());
        await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version));
        await app.WithDbAsync(db => db.MeetingMinutes.Where(m => m.MeetingId == meeting).ExecuteUpdateAsync(u => u.SetProperty(m => m.SignedBy, "signer." + meeting)));

        var html = await PageAsync(Demo.OrgAdminA, $"/meetings/{meeting}/minutes/print");

        Assert.Contains("data-discussion=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains($"{speaker}（赞成）：维修资金从村集体收入列支", html, StringComparison.Ordinal);
        var label = post switch
        {
            Dangjian.Domain.Teams.TeamRole.Secretary => "书记",
            Dangjian.Domain.Teams.TeamRole.DeputySecretary => "副书记",
            Dangjian.Domain.Teams.TeamRole.OrganizationCommitteeMember => "组织委员",
            Dangjian.Domain.Teams.TeamRole.PropagandaCommitteeMember => "宣传委员",
            Dangjian.Domain.Teams.TeamRole.DisciplineCommitteeMember => "纪检委员",
            _ => post.ToString(),
        };
        Assert.Contains($"data-signer=\"true\">{signerName}（{label}）<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("signer." + meeting, html, StringComparison.Ordinal);
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
    public async Task RegisterPage_WithNoOrganizationChosen_ShowsTheCallersOwnScope_AndNotAnotherTownship()
    {
        var t = await app.TownshipsAsync();
        var own = await app.NewMeetingAsync(await app.NewOrganizationAsync(t.A), Day, title: "本乡镇登记会" + Guid.NewGuid().ToString("N")[..4]);
        var other = await app.NewMeetingAsync(t.BranchOfB, Day, title: "乙乡镇登记会" + Guid.NewGuid().ToString("N")[..4]);
        foreach (var (user, meeting) in new[] { (Demo.OrgAdminA, own), (Demo.OrgAdminB, other) })
        {
            var client = await app.ClientForAsync(user);
            await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes", new SaveMinutesRequest("正文。"));
            var draft = Assert.Single(await (await client.GetAsync($"/api/v1/meetings/{meeting}/minutes")).ReadAsync<List<MinutesView>>());
            await client.PostJsonAsync($"/api/v1/meetings/{meeting}/minutes/sign", new SignMinutesRequest(draft.Version));
        }

        var titles = await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == own || m.Id == other).ToDictionaryAsync(m => m.Id, m => m.Title));

        var html = await PageAsync(Demo.OrgAdminA, "/meetings/minutes?year=2026");

        Assert.Contains("data-scope-register", html, StringComparison.Ordinal);
        Assert.Contains(titles[own], html, StringComparison.Ordinal);
        Assert.DoesNotContain(titles[other], html, StringComparison.Ordinal);
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
