using System.Net;
using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Meetings.Talks;
using Dangjian.Web.Tests.Cadres;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Meetings.Talks;

/// <summary>
/// The talk register (MTG-11) over HTTP on a real database: talks recorded and corrected by the township's administrator,
/// bad input refused with nothing stored, a stale version refused, the coverage of a calendar year (a talk on 31 December
/// counts for that year only), the exports, township B kept from township A, and the pages. Each test makes an
/// organization with a team of its own (in office since 2020), so other tests' rows and the demo never decide what it reads.
/// </summary>
public abstract class TalkTests(AppFixture app)
{
    private const string Route = TalkEndpoints.Route;

    /// <summary>A branch of township A: its team (the secretary first, then two members) and two more party members.</summary>
    private async Task<(int Org, int[] Team, int[] Members)> BranchAsync(int township)
    {
        var (org, team) = await app.NewTeamAsync(township, OrganizationKind.Branch, 3);
        int[] members = [await app.NewPersonAsync(org, "党员甲"), await app.NewPersonAsync(org, "党员乙")];
        return (org, team, members);
    }

    private static RecordTalkRequest Talk(int org, DateOnly on, int a, int b, string topics = "思想和工作情况", TalkKind? kind = TalkKind.HeartToHeart) =>
        new(org, on, a, b, kind, topics, null);

    [Fact]
    public async Task Record_ByTheTownshipAdmin_IsListedFoundByNameAndTopic_AndAudited()
    {
        var t = await app.TownshipsAsync();
        var (org, team, members) = await BranchAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var saved = await (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2024, 5, 6), team[0], members[0], "家庭困难与入党积极分子培养"))).ReadAsync<TalkView>();
        await (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2024, 6, 1), team[1], team[2], "分管工作"))).ReadAsync<TalkView>();

        Assert.Equal((org, team[0], members[0], TalkKind.HeartToHeart, Demo.OrgAdminA), (saved.OrganizationId, saved.InitiatorId, saved.PartnerId, saved.Kind, saved.RecordedBy));
        var list = await (await admin.GetAsync($"{Route}?organizationId={org}&year=2024")).ReadAsync<TalkRegisterView>();
        Assert.Equal(["分管工作", "家庭困难与入党积极分子培养"], list.Talks.Items.Select(i => i.Topics));
        Assert.True(list.CanWrite);

        var byTopic = await (await admin.GetAsync($"{Route}?organizationId={org}&search={Uri.EscapeDataString("入党积极分子")}")).ReadAsync<TalkRegisterView>();
        Assert.Equal([saved.Id], byTopic.Talks.Items.Select(i => i.Id));
        var byName = await (await admin.GetAsync($"{Route}?organizationId={org}&search={Uri.EscapeDataString(saved.PartnerName)}")).ReadAsync<TalkRegisterView>();
        Assert.Equal([saved.Id], byName.Talks.Items.Select(i => i.Id));
        var byPerson = await (await admin.GetAsync($"{Route}?organizationId={org}&personId={team[2]}")).ReadAsync<TalkRegisterView>();
        Assert.Equal(["分管工作"], byPerson.Talks.Items.Select(i => i.Topics));
        var otherYear = await (await admin.GetAsync($"{Route}?organizationId={org}&year=2023")).ReadAsync<TalkRegisterView>();
        Assert.Equal(0, otherYear.Talks.Total);
        var paged = await (await admin.GetAsync($"{Route}?organizationId={org}&pageSize=1&page=2")).ReadAsync<TalkRegisterView>();
        Assert.Equal((2, saved.Id), (paged.Talks.Total, Assert.Single(paged.Talks.Items).Id));

        Assert.Equal(saved.Topics, (await (await admin.GetAsync($"{Route}/{saved.Id}")).ReadAsync<TalkView>()).Topics);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Talk" && a.EntityId == saved.Id.ToString() && a.Action == "Created")));

        // The form offers the organization's people: its team first, then its roll.
        var people = await (await admin.GetAsync($"{Route}/people?organizationId={org}")).ReadAsync<List<TalkPersonOption>>();
        Assert.Equal([.. team.Order(), .. members.Order()], [.. people.Take(3).Select(p => p.Id).Order(), .. people.Skip(3).Select(p => p.Id).Order()]);
        Assert.All(people.Take(3), p => Assert.True(p.OnTeam));
    }

    [Fact]
    public async Task Record_BadInput_Is400NamingTheField_AndNothingStored()
    {
        var t = await app.TownshipsAsync();
        var (org, team, members) = await BranchAsync(t.A);
        var (other, _, outsiders) = await BranchAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var today = OrgToday.Value;

        var future = await (await admin.PostJsonAsync(Route, Talk(org, today.AddDays(1), team[0], members[0]))).ProblemErrorsAsync();
        var self = await (await admin.PostJsonAsync(Route, Talk(org, today, team[0], team[0]))).ProblemErrorsAsync();
        var outsider = await (await admin.PostJsonAsync(Route, Talk(org, today, outsiders[0], members[0]))).ProblemErrorsAsync();
        var topics = await (await admin.PostJsonAsync(Route, Talk(org, today, team[0], members[0], " "))).ProblemErrorsAsync();
        var kind = await (await admin.PostJsonAsync(Route, Talk(org, today, team[0], members[0], kind: null))).ProblemErrorsAsync();
        var year = await (await admin.GetAsync($"{Route}?organizationId={org}&year=99999")).ProblemErrorsAsync();

        Assert.Equal(["heldOn", "partnerId", "initiatorId", "topics", "kind", "year"], [.. new[] { future, self, outsider, topics, kind, year }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("今天", future["heldOn"][0], StringComparison.Ordinal);
        Assert.Contains("同一人", self["partnerId"][0], StringComparison.Ordinal);
        Assert.Contains("谈话主要内容", topics["topics"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Talks.CountAsync(x => x.OrganizationId == org || x.OrganizationId == other)));

        // Today itself is accepted: the talk took place today.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Talk(org, today, team[0], members[0]))).StatusCode);
    }

    [Fact]
    public async Task Edit_AtTheVersionRead_Corrects_AStaleVersion_Is409_AndTheFollowUpIsRecorded()
    {
        var t = await app.TownshipsAsync();
        var (org, team, members) = await BranchAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var talk = await (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2024, 3, 1), team[0], members[0]))).ReadAsync<TalkView>();

        var edited = await (await admin.PutJsonAsync($"{Route}/{talk.Id}",
            new EditTalkRequest(talk.Version, new DateOnly(2024, 3, 2), team[0], members[1], TalkKind.Phone, "更正：与党员乙电话约谈", "帮助联系就业"))).ReadAsync<TalkView>();
        Assert.Equal((new DateOnly(2024, 3, 2), members[1], TalkKind.Phone, "帮助联系就业"), (edited.HeldOn, edited.PartnerId, edited.Kind, edited.FollowUp));

        var stale = await admin.PutJsonAsync($"{Route}/{talk.Id}", new EditTalkRequest(talk.Version, new DateOnly(2024, 3, 3), team[0], members[0], TalkKind.HeartToHeart, "旧版本的更正", null));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleFollowUp = await admin.PostJsonAsync($"{Route}/{talk.Id}/follow-up", new TalkFollowUpRequest(talk.Version, "旧版本", new DateOnly(2024, 3, 5)));
        Assert.Equal(HttpStatusCode.Conflict, staleFollowUp.StatusCode);

        var early = await (await admin.PostJsonAsync($"{Route}/{talk.Id}/follow-up", new TalkFollowUpRequest(edited.Version, "已帮助联系就业", new DateOnly(2024, 3, 1)))).ProblemErrorsAsync();
        Assert.Equal(["doneOn"], early.Keys);
        var done = await (await admin.PostJsonAsync($"{Route}/{talk.Id}/follow-up", new TalkFollowUpRequest(edited.Version, "已帮助联系就业", new DateOnly(2024, 4, 1)))).ReadAsync<TalkView>();
        Assert.Equal(("已帮助联系就业", (DateOnly?)new DateOnly(2024, 4, 1)), (done.FollowUp, done.FollowUpDoneOn));

        var stored = await app.WithDbAsync(db => db.Talks.SingleAsync(x => x.Id == talk.Id));
        Assert.Equal(("更正：与党员乙电话约谈", new DateOnly(2024, 3, 2)), (stored.Topics, stored.HeldOn));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Talk" && a.EntityId == talk.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "Talk.Corrected", "Talk.FollowUp"], actions);
    }

    [Fact]
    public async Task Coverage_ATalkOn31December_CountsForThatYearOnly_AndOneOn1January_ForTheNext_WithTheExport()
    {
        var t = await app.TownshipsAsync();
        var (org, team, members) = await BranchAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2024, 12, 31), members[0], team[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2025, 1, 1), team[1], team[2]))).StatusCode);

        var y2024 = await (await admin.GetAsync($"{Route}/coverage?organizationId={org}&year=2024")).ReadAsync<TalkCoverageView>();
        var y2025 = await (await admin.GetAsync($"{Route}/coverage?organizationId={org}&year=2025")).ReadAsync<TalkCoverageView>();

        // Three team pairs (two of them the secretary's) and each of the three team members with each of the two members.
        Assert.Equal((true, 9, 1, 8), (y2024.HasTeam, y2024.Required, y2024.Covered, y2024.Owed));
        var c24 = Assert.Single(y2024.Pairs, p => !p.Owed);
        Assert.Equal((team[0], members[0], TalkDuty.TeamMemberWithMember, 1), (c24.FirstId, c24.SecondId, c24.Duty, c24.Talks));
        Assert.Equal((9, 1, 8), (y2025.Required, y2025.Covered, y2025.Owed));
        var c25 = Assert.Single(y2025.Pairs, p => !p.Owed);
        Assert.Equal((team[1], team[2], TalkDuty.TeamMembers), (c25.FirstId, c25.SecondId, c25.Duty));
        Assert.Equal(2, y2025.Pairs.Count(p => p.Duty == TalkDuty.SecretaryWithTeamMember && p.Owed));

        var export = await admin.GetAsync($"{Route}/coverage/export?organizationId={org}&year=2024");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "谈话覆盖情况").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(8, rows.Count(r => (string?)r["状态"] == "未谈"));
        Assert.Contains(rows, r => (string?)r["状态"] == "已谈" && (string?)r["应谈依据"] == "班子成员与党员");

        // An organization without a team in office owes nothing, and says so.
        var bare = await app.NewOrganizationAsync(t.A);
        var none = await (await admin.GetAsync($"{Route}/coverage?organizationId={bare}&year=2024")).ReadAsync<TalkCoverageView>();
        Assert.Equal((false, 0), (none.HasTeam, none.Required));
    }

    [Fact]
    public async Task Export_WritesTheFilteredRegister()
    {
        var t = await app.TownshipsAsync();
        var (org, team, members) = await BranchAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2024, 8, 8), team[0], members[1], "学习教育情况", TalkKind.Individual))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2023, 8, 8), team[0], members[0], "上一年的谈话"))).StatusCode);

        var export = await admin.GetAsync($"{Route}/export?organizationId={org}&year=2024");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "谈心谈话登记").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("2024-08-08", "个别谈话", "学习教育情况", Demo.OrgAdminA), (row["谈话日期"], row["谈话方式"], row["谈话主要内容"], row["登记人"]));
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsTalks_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var (orgB, teamB, membersB) = await BranchAsync(t.B);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var talk = await (await adminB.PostJsonAsync(Route, Talk(orgB, new DateOnly(2024, 5, 5), teamB[0], membersB[0], "乙镇谈话"))).ReadAsync<TalkView>();
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync(Route, Talk(orgB, new DateOnly(2024, 5, 6), teamB[0], membersB[1], "越权登记"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/{talk.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PutJsonAsync($"{Route}/{talk.Id}", new EditTalkRequest(talk.Version, talk.HeldOn, teamB[0], membersB[0], TalkKind.Phone, "越权更正", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/{talk.Id}/follow-up", new TalkFollowUpRequest(talk.Version, "越权跟进", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/export?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/coverage?organizationId={orgB}&year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/coverage/export?organizationId={orgB}&year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/people?organizationId={orgB}")).StatusCode);
        var stored = await app.WithDbAsync(db => db.Talks.SingleAsync(x => x.Id == talk.Id));
        Assert.Equal(("乙镇谈话", talk.Version, (string?)null), (stored.Topics, stored.Version, stored.FollowUp));

        // A's whole-scope list never shows B's talk; A cannot name B's people in A's own register.
        var own = await (await adminA.GetAsync($"{Route}?year=2024&pageSize=200&search={Uri.EscapeDataString("乙镇谈话")}")).ReadAsync<TalkRegisterView>();
        Assert.Empty(own.Talks.Items);
        var (orgA, teamA, _) = await BranchAsync(t.A);
        Assert.Equal(["partnerId"], (await (await adminA.PostJsonAsync(Route, Talk(orgA, new DateOnly(2024, 5, 6), teamA[0], membersB[0]))).ProblemErrorsAsync()).Keys);

        // Talk content is personal: a member reads none.
        var member = await app.ClientForAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Route}?organizationId={t.BranchOfA}")).StatusCode);
    }

    [Fact]
    public async Task Pages_ShowTheRegister_WithTheRecordForm_AndTheCoverage_WithTheOwedPairs()
    {
        var t = await app.TownshipsAsync();
        var (org, team, members) = await BranchAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Talk(org, new DateOnly(2024, 9, 9), team[0], members[0], "九月谈心：生产发展"))).StatusCode);
        var names = await app.WithDbAsync(db => db.People.Where(p => p.Id == members[1]).Select(p => p.Name).SingleAsync());

        var client = await app.SignInAsync(Demo.OrgAdminA);
        var register = await client.GetAsync($"/meetings/talks?organizationId={org}&year=2024");
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await register.Content.ReadAsStringAsync());
        Assert.Contains("九月谈心：生产发展", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"record\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", html, StringComparison.Ordinal);

        var coverage = await client.GetAsync($"/meetings/talks/coverage?organizationId={org}&year=2024");
        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await coverage.Content.ReadAsStringAsync());
        Assert.Contains("data-owed=\"8\"", page, StringComparison.Ordinal);
        Assert.Contains("data-covered=\"1\"", page, StringComparison.Ordinal);
        Assert.Contains(names, page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TalkSqliteTests(SqliteApp app) : TalkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TalkPostgresTests(PostgresApp app) : TalkTests(app);
