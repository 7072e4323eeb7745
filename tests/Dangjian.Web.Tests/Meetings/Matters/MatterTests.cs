using System.Net;
using System.Text.Json;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Meetings.Matters;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Meetings.Matters.MatterSetup;

namespace Dangjian.Web.Tests.Meetings.Matters;

/// <summary>
/// 提议上会事项 (MTG-4) over HTTP: team members raise and co-sign for themselves; half or more of the team makes the matter
/// mandatory; the secretary puts it on an agenda (supporters become proposers, the item cannot be withdrawn and an edit
/// of its proposers never clears the mark) or declines one that is not mandatory; township B sees none of it.
/// </summary>
public abstract class MatterTests(AppFixture app)
{
    [Fact]
    public async Task CoSign_TeamOfFive_TwoIsNotMandatory_ThreeIs_ThenScheduled_TheItemCannotBeWithdrawnNorUnmarked()
    {
        var f = await app.TeamFixtureAsync(5);
        var raised = await f.Team[1].Client.RaiseAsync(f.Branch);
        Assert.Equal((RaisedMatterStatus.Raised, false, 5, 3), (raised.Status, raised.Mandatory, raised.TeamSize, raised.MandatoryAt));

        var two = await f.Team[2].Client.CoSignAsync(raised);
        Assert.False(two.Mandatory);
        var three = await f.Team[3].Client.CoSignAsync(two);
        Assert.True(three.Mandatory);
        Assert.Equal([f.Team[1].PersonId, f.Team[2].PersonId, f.Team[3].PersonId], three.SupporterIds);

        // A supporter takes their name back: still mandatory.
        var withdrawn = await (await f.Team[3].Client.PostJsonAsync($"{Route}/{three.Id}/withdraw-signature", new MatterSignatureRequest(three.Version))).ReadAsync<MatterView>();
        Assert.True(withdrawn.Mandatory);
        Assert.Equal(2, withdrawn.SupporterIds.Count);

        var meetingId = await f.CallTeamMeetingAsync();
        var scheduled = await (await f.Admin.PostJsonAsync($"{Route}/{three.Id}/schedule", new ScheduleMatterRequest(withdrawn.Version, meetingId, ItemCategory.Routine, null)))
            .ReadAsync<MatterView>();
        Assert.Equal((RaisedMatterStatus.Scheduled, meetingId), (scheduled.Status, scheduled.MeetingId));

        var item = Proceedings.MeetingSetup.Item(await f.MeetingAsync(meetingId), raised.Title);
        Assert.True(item.GetProperty("mandatory").GetBoolean());
        Assert.Equal(withdrawn.SupporterIds, item.GetProperty("proposerIds").EnumerateArray().Select(x => x.GetInt32()));
        var itemId = item.GetProperty("id").GetInt32();
        var withdraw = await f.Admin.PostJsonAsync($"/api/v1/meetings/items/{itemId}/withdraw", new { version = item.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, withdraw.StatusCode);

        // The secretary edits the proposers down to one: the item stays mandatory (MTG-4's lock).
        var edited = await f.Admin.PutJsonAsync($"/api/v1/meetings/items/{itemId}", new
        {
            title = raised.Title, category = "Routine", proposerIds = new[] { f.Team[1].PersonId }, material = "材料", voteMode = "Open", version = item.GetProperty("version").GetInt32(),
        });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var after = Proceedings.MeetingSetup.Item(await f.MeetingAsync(meetingId), raised.Title);
        Assert.True(after.GetProperty("mandatory").GetBoolean());
        Assert.Equal([f.Team[1].PersonId], after.GetProperty("proposerIds").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(itemId, await app.WithDbAsync(db => db.RaisedMatters.Where(m => m.Id == raised.Id).Select(m => m.AgendaItemId).FirstAsync()));

        // Once scheduled it takes no more signatures.
        var late = await f.Team[4].Client.PostJsonAsync($"{Route}/{raised.Id}/co-sign", new MatterSignatureRequest(scheduled.Version));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    /// <summary>ORG-2 × MTG-4: a member whose seat ended yesterday is no longer on the team, so the half is taken of four, not five.</summary>
    [Fact]
    public async Task CoSign_TeamOfFiveWithOneSeatEnded_CountsFour_TwoIsHalf_AndTheLeaverMayNotSign()
    {
        var f = await app.TeamFixtureAsync(5);
        var leaver = f.Team[4];
        await app.WithDbAsync(async db =>
        {
            var seat = await db.TeamPositions.FirstAsync(p => p.PersonId == leaver.PersonId);
            seat.EndsOn = OrgToday.Value.AddDays(-1);
            return await db.SaveChangesAsync();
        });

        var raised = await f.Team[1].Client.RaiseAsync(f.Branch);
        Assert.Equal((4, 2), (raised.TeamSize, raised.MandatoryAt));
        var two = await f.Team[2].Client.CoSignAsync(raised);
        Assert.True(two.Mandatory);
        Assert.Equal(HttpStatusCode.Forbidden, (await leaver.Client.PostJsonAsync($"{Route}/{two.Id}/co-sign", new MatterSignatureRequest(two.Version))).StatusCode);
    }

    [Fact]
    public async Task Raise_ByAMemberOnNoTeam_Is400OnOrganizationId_NothingStored_AndTheirCoSignIs403()
    {
        var f = await app.TeamFixtureAsync(3);

        var refused = await f.Outsider.Client.PostJsonAsync(Route + "/mine", new RaiseMatterRequest(f.Branch, "外人提议", "理由"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("领导班子", (await refused.ProblemErrorsAsync())["organizationId"][0], StringComparison.Ordinal);
        var blank = await (await f.Team[0].Client.PostJsonAsync(Route + "/mine", new RaiseMatterRequest(f.Branch, " ", ""))).ProblemErrorsAsync();
        Assert.Equal(["reason", "title"], blank.Keys.Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.RaisedMatters.CountAsync(m => m.OrganizationId == f.Branch)));

        var raised = await f.Team[0].Client.RaiseAsync(f.Branch);
        var sign = await f.Outsider.Client.PostJsonAsync($"{Route}/{raised.Id}/co-sign", new MatterSignatureRequest(raised.Version));
        Assert.Equal(HttpStatusCode.Forbidden, sign.StatusCode);
        Assert.Single(await app.WithDbAsync(db => db.RaisedMatters.Where(m => m.Id == raised.Id).Select(m => m.SupporterIds).FirstAsync()));

        var twice = await f.Team[0].Client.PostJsonAsync($"{Route}/{raised.Id}/co-sign", new MatterSignatureRequest(raised.Version));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [Fact]
    public async Task Decline_AMandatoryMatter_Is400_ANotMandatoryOne_NeedsAReason_AndAStaleVersionIs409()
    {
        var f = await app.TeamFixtureAsync(4);
        var mandatory = await f.Team[1].Client.CoSignAsync(await f.Team[0].Client.RaiseAsync(f.Branch, "必须上会的事项"));
        Assert.True(mandatory.Mandatory); // 2 of 4: half or more
        var refused = await f.Admin.PostJsonAsync($"{Route}/{mandatory.Id}/decline", new DeclineMatterRequest(mandatory.Version, "不属于本级职权"));
        Assert.Contains("必须列入议程", (await refused.ProblemErrorsAsync())["id"][0], StringComparison.Ordinal);

        var other = await f.Team[2].Client.RaiseAsync(f.Branch, "可以不上会的事项");
        Assert.False(other.Mandatory); // 1 of 4
        Assert.Equal(["reason"], (await (await f.Admin.PostJsonAsync($"{Route}/{other.Id}/decline", new DeclineMatterRequest(other.Version, " "))).ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await f.Admin.PostJsonAsync($"{Route}/{other.Id}/decline", new DeclineMatterRequest(other.Version + 7, "理由"))).StatusCode);
        var declined = await (await f.Admin.PostJsonAsync($"{Route}/{other.Id}/decline", new DeclineMatterRequest(other.Version, "已由村民代表会议决定"))).ReadAsync<MatterView>();
        Assert.Equal((RaisedMatterStatus.Declined, "已由村民代表会议决定"), (declined.Status, declined.DeclineReason));

        var statuses = await app.WithDbAsync(db => db.RaisedMatters.Where(m => m.OrganizationId == f.Branch).OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([RaisedMatterStatus.Raised, RaisedMatterStatus.Declined], statuses);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "RaisedMatter.Declined" && a.EntityId == other.Id.ToString())));
    }

    [Fact]
    public async Task Mine_ShowsTheTeamAndItsMatters_TheListFiltersAndExports()
    {
        var f = await app.TeamFixtureAsync(3);
        var raised = await f.Team[0].Client.RaiseAsync(f.Branch, "关于村道硬化的提议");

        var mine = await (await f.Team[1].Client.GetAsync(Route + "/mine")).ReadAsync<MyMattersView>();
        Assert.Equal([f.Branch], mine.Teams.Select(t => t.OrganizationId));
        Assert.Contains(mine.Matters, m => m.Id == raised.Id);
        var outsider = await (await f.Outsider.Client.GetAsync(Route + "/mine")).ReadAsync<MyMattersView>();
        Assert.Empty(outsider.Teams);
        Assert.Empty(outsider.Matters);

        var list = await (await f.Admin.GetAsync($"{Route}?organizationId={f.Branch}&status=Raised&search=村道")).ReadAsync<Features.Common.Paged<MatterView>>();
        Assert.Equal([raised.Id], list.Items.Select(m => m.Id));
        var none = await (await f.Admin.GetAsync($"{Route}?organizationId={f.Branch}&status=Declined")).ReadAsync<Features.Common.Paged<MatterView>>();
        Assert.Equal(0, none.Total);

        var export = await f.Admin.GetAsync($"{Route}/export?organizationId={f.Branch}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("关于村道硬化的提议", Assert.Single(rows)["事项名称"]);
    }

    [Fact]
    public async Task OrgAdminB_CannotSeeScheduleOrDeclineTownshipAsMatter_AndNothingChanges()
    {
        var f = await app.TeamFixtureAsync(3);
        var raised = await f.Team[0].Client.RaiseAsync(f.Branch);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var t = await app.TownshipsAsync();
        var meetingOfB = (await Proceedings.MeetingSetup.CallAsync(b, t.BranchOfB, await Proceedings.MeetingSetup.PeopleUnderAsync(app, t.BranchOfB, 2))).GetProperty("id").GetInt32();

        Assert.Contains((await b.GetAsync($"{Route}/{raised.Id}")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/{raised.Id}/schedule", new ScheduleMatterRequest(raised.Version, meetingOfB, ItemCategory.Routine, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/{raised.Id}/decline", new DeclineMatterRequest(raised.Version, "理由"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/{raised.Id}/co-sign", new MatterSignatureRequest(raised.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}?organizationId={f.Branch}")).StatusCode);
        var list = await (await b.GetAsync($"{Route}?pageSize=200&search=修订村级财务管理制度")).ReadAsync<Features.Common.Paged<MatterView>>();
        Assert.DoesNotContain(list.Items, m => m.Id == raised.Id);

        // Nor can A's admin put it on B's meeting.
        var cross = await f.Admin.PostJsonAsync($"{Route}/{raised.Id}/schedule", new ScheduleMatterRequest(raised.Version, meetingOfB, ItemCategory.Routine, null));
        Assert.Contains(cross.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(RaisedMatterStatus.Raised, await app.WithDbAsync(db => db.RaisedMatters.Where(m => m.Id == raised.Id).Select(m => m.Status).FirstAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MatterSqliteTests(SqliteApp app) : MatterTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MatterPostgresTests(PostgresApp app) : MatterTests(app);
