using System.Net;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Mine;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.DemocraticLife;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Mine;

/// <summary>
/// A member's own page over HTTP on a real database: /api/v1/me answers exactly what is theirs (record, the meetings they
/// are invited to, the measures they own, the follow-ups of results made public); they mark their own measure done, and
/// anyone else's — in their own branch too — is refused and left as it was; an account linked to no person gets an empty
/// answer. Each test builds a branch of its own (<see cref="MineSetup"/>).
/// </summary>
public abstract class MineTests(AppFixture app)
{
    private const string Route = MineEndpoints.Route;

    private static DateOnly Today => MineSetup.Today;

    [Fact]
    public async Task Get_TheirRecordInvitationsMeasuresAndFollowUps_AndNothingOfAnyoneElses()
    {
        var f = await app.MineFixtureAsync();

        var record = await (await f.Client.GetAsync($"{Route}/record")).ReadAsync<MyRecord>();
        var meetings = await (await f.Client.GetAsync($"{Route}/meetings")).ReadAsync<List<MyMeetingView>>();
        var measures = await (await f.Client.GetAsync($"{Route}/rectifications")).ReadAsync<List<OwnRectificationView>>();
        var followUps = await (await f.Client.GetAsync($"{Route}/follow-ups")).ReadAsync<List<MyFollowUpView>>();

        Assert.Equal((f.PersonId, f.Name, f.Branch.OrgId), (record.Person!.Id, record.Person.Name, record.Person.OrganizationId));
        Assert.Empty(record.Person.Positions);
        Assert.Equal([f.UpcomingMeeting, f.PastMeeting], meetings.Select(m => m.Id));
        Assert.Equal([true, false], meetings.Select(m => m.Upcoming));
        Assert.Equal(Attendance.Present, meetings[1].Attendance);
        Assert.Equal([f.MyOverdueMeasure, f.MyOpenMeasure], measures.Select(r => r.Rectification.Id));
        Assert.Equal([true, false], measures.Select(r => r.Rectification.Overdue));
        Assert.All(measures, r => Assert.Equal((f.DlmMeetingId, f.Branch.OrgId, Today.Year - 1), (r.MeetingId, r.OrganizationId, r.Year)));
        var followUp = Assert.Single(followUps);
        Assert.Equal((f.MyPublicFollowUp, "基本合格"), (followUp.Id, followUp.Grade));
    }

    [Fact]
    public async Task Complete_TheirOwnMeasure_DoneWithEvidence_AsTheStaffPageShowsIt()
    {
        var f = await app.MineFixtureAsync();
        var mine = await MeasureAsync(f.MyOverdueMeasure);

        var response = await f.Client.PostJsonAsync($"{Route}/rectifications/{f.MyOverdueMeasure}/complete",
            new CompleteRectificationRequest(Today, "已整理学习资料三期，在党员群分享", mine.Version));

        var measures = await response.ReadAsync<List<OwnRectificationView>>();
        var done = measures.Single(r => r.Rectification.Id == f.MyOverdueMeasure).Rectification;
        Assert.Equal((RectificationStatus.Done, Today, "已整理学习资料三期，在党员群分享", false), (done.Status, done.DoneOn, done.Evidence, done.Overdue));
        Assert.Equal(RectificationStatus.Done, (await MeasureAsync(f.MyOverdueMeasure)).Status);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "DemocraticLifeRectification.Completed" && a.EntityId == f.MyOverdueMeasure.ToString()).Select(a => a.Actor).ToListAsync());
        Assert.Equal([f.UserName], audit);
    }

    [Fact]
    public async Task Complete_AnotherPersonsMeasureInTheirOwnBranch_403_AndNothingChanged()
    {
        var f = await app.MineFixtureAsync();
        RectificationView[] before = [await MeasureAsync(f.OthersMeasure), await MeasureAsync(f.TeamMembersMeasure)];

        foreach (var m in before)
        {
            var response = await f.Client.PostJsonAsync($"{Route}/rectifications/{m.Id}/complete", new CompleteRectificationRequest(Today, "代为完成", m.Version));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await f.Client.PostJsonAsync($"{Route}/rectifications/{int.MaxValue}/complete", new CompleteRectificationRequest(Today, "不存在", 0))).StatusCode);
        RectificationView[] after = [await MeasureAsync(f.OthersMeasure), await MeasureAsync(f.TeamMembersMeasure)];
        Assert.Equal(before, after);
        Assert.All(after, m => Assert.Equal(RectificationStatus.Open, m.Status));
    }

    [Fact]
    public async Task Complete_AMemberOfAnotherBranch_403_AndNothingChanged()
    {
        var f = await app.MineFixtureAsync();
        var outsider = await app.ClientForAsync(Demo.Member);
        var before = await MeasureAsync(f.MyOpenMeasure);

        var response = await outsider.PostJsonAsync($"{Route}/rectifications/{f.MyOpenMeasure}/complete", new CompleteRectificationRequest(Today, "代为完成", before.Version));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await MeasureAsync(f.MyOpenMeasure));
        Assert.DoesNotContain(await (await outsider.GetAsync($"{Route}/rectifications")).ReadAsync<List<OwnRectificationView>>(), r => r.OrganizationId == f.Branch.OrgId);
        Assert.DoesNotContain(await (await outsider.GetAsync($"{Route}/meetings")).ReadAsync<List<MyMeetingView>>(), m => m.OrganizationId == f.Branch.OrgId);
    }

    [Fact]
    public async Task Complete_BadInput_400NamingTheField_StaleVersion409_AndStillOpen()
    {
        var f = await app.MineFixtureAsync();
        var m = await MeasureAsync(f.MyOpenMeasure);
        var url = $"{Route}/rectifications/{f.MyOpenMeasure}/complete";

        Assert.Equal(["evidence"], (await (await f.Client.PostJsonAsync(url, new CompleteRectificationRequest(Today, "  ", m.Version))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["doneOn"], (await (await f.Client.PostJsonAsync(url, new CompleteRectificationRequest(null, "已完成", m.Version))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["doneOn"], (await (await f.Client.PostJsonAsync(url, new CompleteRectificationRequest(Today.AddDays(1), "已完成", m.Version))).ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await f.Client.PostJsonAsync(url, new CompleteRectificationRequest(Today, "已完成", m.Version + 1))).StatusCode);

        Assert.Equal(m, await MeasureAsync(f.MyOpenMeasure));
    }

    [Fact]
    public async Task Namesake_OnTheBranchsRoll_TheMeasuresAreNobodysOwn_403()
    {
        var f = await app.MineFixtureAsync();
        await app.WithDbAsync(async db =>
        {
            db.People.Add(new Person { Name = f.Name, Gender = Gender.Male, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = f.Branch.OrgId });
            return await db.SaveChangesAsync();
        });
        var before = await MeasureAsync(f.MyOpenMeasure);

        var measures = await (await f.Client.GetAsync($"{Route}/rectifications")).ReadAsync<List<OwnRectificationView>>();
        var response = await f.Client.PostJsonAsync($"{Route}/rectifications/{f.MyOpenMeasure}/complete", new CompleteRectificationRequest(Today, "已完成", before.Version));

        Assert.Empty(measures);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await MeasureAsync(f.MyOpenMeasure));
    }

    [Fact]
    public async Task AccountWithoutPerson_AnEmptyAnswer_AndActsAsOwnerOnNothing()
    {
        var f = await app.MineFixtureAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await MeasureAsync(f.TeamMembersMeasure);

        var record = await (await admin.GetAsync($"{Route}/record")).Content.ReadAsStringAsync();
        var lists = await Task.WhenAll(new[] { "meetings", "rectifications", "follow-ups" }.Select(part => admin.GetStringAsync($"{Route}/{part}")));
        var response = await admin.PostJsonAsync($"{Route}/rectifications/{f.TeamMembersMeasure}/complete", new CompleteRectificationRequest(Today, "已完成", before.Version));

        Assert.Equal("{\"person\":null}", record);
        Assert.Equal(["[]", "[]", "[]"], lists);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await MeasureAsync(f.TeamMembersMeasure));
    }

    [Fact]
    public async Task CompleteMany_TheirTickedMeasures_AllDoneInOneRequest_AnAuditEntryEach()
    {
        var f = await app.MineFixtureAsync();
        RectificationView[] before = [await MeasureAsync(f.MyOverdueMeasure), await MeasureAsync(f.MyOpenMeasure)];

        var response = await f.Client.PostJsonAsync($"{Route}/rectifications/complete",
            new CompleteRectificationsRequest([.. before.Select(m => new RowVersion(m.Id, m.Version))], Today, "已在支部党员大会上通报"));

        var measures = await response.ReadAsync<List<OwnRectificationView>>();
        Assert.All(measures, r => Assert.Equal((RectificationStatus.Done, Today, "已在支部党员大会上通报"), (r.Rectification.Status, r.Rectification.DoneOn, r.Rectification.Evidence)));
        Assert.All(before, m => Assert.Equal(RectificationStatus.Done, MeasureAsync(m.Id).Result.Status));
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "DemocraticLifeRectification.Completed" && a.Actor == f.UserName).Select(a => a.EntityId).ToListAsync());
        Assert.Equal(before.Select(m => m.Id.ToString()).Order(), audited.Order());
    }

    [Fact]
    public async Task CompleteMany_OneRowTheRuleRefuses_400NamingTheRow_AndNothingChanged()
    {
        var f = await app.MineFixtureAsync();
        var open = await MeasureAsync(f.MyOpenMeasure);
        await f.Client.PostJsonAsync($"{Route}/rectifications/{f.MyOpenMeasure}/complete", new CompleteRectificationRequest(Today, "已完成", open.Version));
        RectificationView[] before = [await MeasureAsync(f.MyOverdueMeasure), await MeasureAsync(f.MyOpenMeasure)];

        var response = await f.Client.PostJsonAsync($"{Route}/rectifications/complete",
            new CompleteRectificationsRequest([.. before.Select(m => new RowVersion(m.Id, m.Version))], Today, "再次完成"));

        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["rows[1].status"], errors.Keys);
        Assert.StartsWith($"第 2 行（{before[1].Measure}）：", errors["rows[1].status"][0]);
        Assert.Equal<RectificationView[]>(before, [await MeasureAsync(f.MyOverdueMeasure), await MeasureAsync(f.MyOpenMeasure)]);
        Assert.Equal(["rows"], (await (await f.Client.PostJsonAsync($"{Route}/rectifications/complete", new CompleteRectificationsRequest([], Today, "无"))).ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task CompleteMany_OneStaleRow_409_AndNothingChanged()
    {
        var f = await app.MineFixtureAsync();
        RectificationView[] before = [await MeasureAsync(f.MyOverdueMeasure), await MeasureAsync(f.MyOpenMeasure)];

        var response = await f.Client.PostJsonAsync($"{Route}/rectifications/complete",
            new CompleteRectificationsRequest([new RowVersion(before[0].Id, before[0].Version), new RowVersion(before[1].Id, before[1].Version + 1)], Today, "已完成"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal<RectificationView[]>(before, [await MeasureAsync(f.MyOverdueMeasure), await MeasureAsync(f.MyOpenMeasure)]);
    }

    [Fact]
    public async Task CompleteMany_WithAnotherPersonsMeasure_403_AndNothingChanged_AnotherBranchsMemberToo()
    {
        var f = await app.MineFixtureAsync();
        RectificationView[] before = [await MeasureAsync(f.MyOpenMeasure), await MeasureAsync(f.OthersMeasure)];
        var rows = new CompleteRectificationsRequest([.. before.Select(m => new RowVersion(m.Id, m.Version))], Today, "代为完成");
        var outsider = await app.ClientForAsync(Demo.Member);

        var mine = await f.Client.PostJsonAsync($"{Route}/rectifications/complete", rows);
        var theirs = await outsider.PostJsonAsync($"{Route}/rectifications/complete", rows with { Rows = [rows.Rows![0]] });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (mine.StatusCode, theirs.StatusCode));
        Assert.Equal<RectificationView[]>(before, [await MeasureAsync(f.MyOpenMeasure), await MeasureAsync(f.OthersMeasure)]);
    }

    /// <summary>A measure as the staff page reads it.</summary>
    private async Task<RectificationView> MeasureAsync(int id)
    {
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var meetingId = await app.WithDbAsync(db => db.DemocraticLifeRectifications.Where(r => r.Id == id)
            .Join(db.DemocraticLifeProblems, r => r.ProblemId, p => p.Id, (r, p) => p.MeetingId).FirstAsync());
        return (await admin.GetMeetingAsync(meetingId)).Members.SelectMany(m => m.Problems).SelectMany(p => p.Rectifications).Single(r => r.Id == id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MineSqliteTests(SqliteApp app) : MineTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MinePostgresTests(PostgresApp app) : MineTests(app);
