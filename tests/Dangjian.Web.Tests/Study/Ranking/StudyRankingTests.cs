using System.Net;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Study.Ranking;
using Dangjian.Web.Tests.Exports;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Study.Inspections;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Study.Ranking;

/// <summary>
/// 自学标兵 / 后进 (STU-5) over HTTP on a real database: a half-year ranked by credits, then exam score (ties ranked
/// equally and never split across a line), re-proposed, decided by the committee with each 后进's deadline (after today)
/// and class, confirmed and then fixed; township B refused. The half ranked is 2024's first, which the demo leaves alone.
/// </summary>
public abstract class StudyRankingTests(AppFixture app)
{
    private const string Route = StudyRankingEndpoints.Route;

    [Fact]
    public async Task Round_TiesAreNeverSplit_TheCommitteeDecides_ConfirmNeedsEachLaggardsRectification_ThenFixed()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 5);

        // Credits (1 a central-group hour): 10, 10, 5, 2, 2; l1 also failed the exam with 55, which earns no credit but
        // ranks them above l0.
        await RecordsAsync(branch, (l[0], 10m), (l[1], 10m), (l[2], 5m), (l[3], 2m), (l[4], 2m));
        await FailedExamAsync(branch, l[1], 55m);

        // One laggard place: l3 and l4 are tied at the bottom, so neither is proposed.
        var first = await ProposeAsync(admin, branch, models: 1, laggards: 1);
        Assert.Equal([(2, RankingProposal.None), (1, RankingProposal.StudyModel), (3, RankingProposal.None), (4, RankingProposal.None), (4, RankingProposal.None)],
            l.Select(p => (Line(first, p).Rank, Line(first, p).Proposed)));

        // Two places take both; proposing again replaces the proposal.
        var round = await ProposeAsync(admin, branch, models: 1, laggards: 2);
        Assert.Equal([RankingProposal.None, RankingProposal.StudyModel, RankingProposal.None, RankingProposal.Laggard, RankingProposal.Laggard], l.Select(p => Line(round, p).Proposed));
        Assert.Equal(1, await app.WithDbAsync(db => db.StudyRankingRounds.CountAsync(r => r.OrganizationId == branch)));

        var today = OrgToday.Value;
        var onToday = await (await admin.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest(
            [new(l[3], RankingProposal.Laggard, today, "第一期集中学习班")], round.Version))).ProblemErrorsAsync();
        Assert.Equal(["lines[0].rectificationDeadline"], onToday.Keys);

        // The committee takes l4 off the list and gives l3 a deadline and a class; l3's needs both to confirm.
        round = await (await admin.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest(
            [new(l[4], RankingProposal.None, null, null), new(l[3], RankingProposal.Laggard, null, null)], round.Version))).ReadAsync<StudyRankingRoundView>();
        var missing = await (await admin.PostJsonAsync($"{Route}/{round.Id}/confirm", new ConfirmStudyRankingRequest(round.Version))).ProblemErrorsAsync();
        var index = round.Lines.ToList().FindIndex(x => x.PersonId == l[3]);
        Assert.Equal([$"lines[{index}].rectificationDeadline", $"lines[{index}].className"], missing.Keys);

        round = await (await admin.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest(
            [new(l[3], RankingProposal.Laggard, today.AddDays(1), "第一期集中学习班")], round.Version))).ReadAsync<StudyRankingRoundView>();
        var confirmed = await (await admin.PostJsonAsync($"{Route}/{round.Id}/confirm", new ConfirmStudyRankingRequest(round.Version))).ReadAsync<StudyRankingRoundView>();
        Assert.Equal(StudyRankingStatus.Confirmed, confirmed.Status);
        Assert.Equal((RankingProposal.Laggard, today.AddDays(1)), (Line(confirmed, l[3]).Decision, Line(confirmed, l[3]).RectificationDeadline));
        Assert.Equal(RankingProposal.None, Line(confirmed, l[4]).Decision);

        // Confirmed, it is fixed: no new proposal of the half, no decision.
        Assert.Equal(["half"], (await (await admin.PostJsonAsync(Route, new ProposeStudyRankingRequest(branch, 2024, 1, 1, 1))).ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest([new(l[4], RankingProposal.Laggard, null, null)], confirmed.Version))).StatusCode);
    }

    [Fact]
    public async Task Propose_AHalfOtherThanOneOrTwo_Is400OnHalf_AStaleVersion_Is409()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 2);

        Assert.Equal(["half"], (await (await admin.PostJsonAsync(Route, new ProposeStudyRankingRequest(branch, 2024, 3, 1, 1))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["laggards"], (await (await admin.PostJsonAsync(Route, new ProposeStudyRankingRequest(branch, 2024, 2, 1, null))).ProblemErrorsAsync()).Keys);
        var round = await ProposeAsync(admin, branch, 0, 0, half: 2);
        var decided = await admin.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest([new(l[0], RankingProposal.StudyModel, null, null)], round.Version));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{round.Id}/confirm", new ConfirmStudyRankingRequest(round.Version))).StatusCode);
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsRanking_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var orgAdminB = await app.ClientForAsync(Demo.OrgAdminB);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var round = await ProposeAsync(admin, branch, 1, 0);

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync(Route, new ProposeStudyRankingRequest(branch, 2024, 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest([new(l[0], RankingProposal.Laggard, null, null)], round.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync($"{Route}/{round.Id}/confirm", new ConfirmStudyRankingRequest(round.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}?organizationId={branch}")).StatusCode);
        var stored = await app.WithDbAsync(db => db.StudyRankingRounds.Include(r => r.Lines).SingleAsync(r => r.Id == round.Id));
        Assert.Equal((StudyRankingStatus.Proposed, RankingProposal.StudyModel), (stored.Status, stored.Lines.Single().Decision));
    }

    [Fact]
    public async Task Export_HoldsTheOrganizationsRoundsLineByLine_NotAnotherOrganizations_AndTownshipBGetsNothing()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 3);
        var (other, o) = await app.NewBranchWithLeadersAsync(t.A, 1);
        await RecordsAsync(branch, (l[0], 10m), (l[1], 5m), (l[2], 2m));
        var round = await ProposeAsync(admin, branch, models: 1, laggards: 1);
        round = await (await admin.PostJsonAsync($"{Route}/{round.Id}/decisions", new DecideStudyRankingRequest(
            [new(l[2], RankingProposal.Laggard, OrgToday.Value.AddDays(30), "第二期集中学习班")], round.Version))).ReadAsync<StudyRankingRoundView>();
        await ProposeAsync(admin, other, models: 1, laggards: 0);

        var file = await admin.GetAsync($"{Route}/export?organizationId={branch}");
        Assert.Equal(["党组织", "年度", "半年", "状态", "名次", "姓名", "学分", "考试成绩", "建议", "决定", "整改期限", "集中上课班次"], await file.HeadersAsync());
        var rows = await file.RowsAsync();
        Assert.Equal(round.Lines.Select(x => x.Name), rows.Select(r => r["姓名"])); // the page's order: by rank
        var laggard = rows.Single(r => r["姓名"] == Line(round, l[2]).Name);
        Assert.Equal(("2024", "上半年", "待党委确认", "3", "2", "自学后进", "自学后进", OrgToday.Value.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "第二期集中学习班"),
            (laggard["年度"], laggard["半年"], laggard["状态"], laggard["名次"], laggard["学分"], laggard["建议"], laggard["决定"], laggard["整改期限"], laggard["集中上课班次"]));
        Assert.Equal(("1", "自学标兵"), (rows[0]["名次"], rows[0]["决定"]));
        var otherName = await app.WithDbAsync(db => db.People.Where(p => p.Id == o[0]).Select(p => p.Name).SingleAsync());
        Assert.DoesNotContain(rows, r => r["姓名"] == otherName); // the page's filter: this organization's rounds only

        // No round yet: the headers alone. Township B's admin gets no file of A's organization.
        var (empty, _) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var none = await (await admin.GetAsync($"{Route}/export?organizationId={empty}")).Content.ReadAsByteArrayAsync();
        var onlyRow = Assert.Single(new MemoryStream(none).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>());
        Assert.Equal("集中上课班次", onlyRow.Values.Last());
        var refused = await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{Route}/export?organizationId={branch}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(Sheets.XlsxType, refused.Content.Headers.ContentType?.MediaType);
    }

    private static StudyRankingLineView Line(StudyRankingRoundView round, int person) => round.Lines.Single(x => x.PersonId == person);

    private static async Task<StudyRankingRoundView> ProposeAsync(HttpClient client, int branch, int models, int laggards, int half = 1)
    {
        var answer = await client.PostJsonAsync(Route, new ProposeStudyRankingRequest(branch, 2024, half, models, laggards));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.ReadAsync<StudyRankingRoundView>();
    }

    private Task<int> RecordsAsync(int branch, params (int Person, decimal Hours)[] rows) => app.WithDbAsync(db =>
    {
        db.StudyRecords.AddRange(rows.Select(r => new StudyRecord
        {
            PersonId = r.Person, OrganizationId = branch, Kind = StudyKind.CentralGroup, Date = new DateOnly(2024, 3, 5), Hours = r.Hours, Topic = "中心组学习",
            EnteredByClerk = true, EnteredBy = "测试", EnteredAt = DateTimeOffset.UtcNow, Status = StudyRecordStatus.Approved,
        }));
        return db.SaveChangesAsync();
    });

    private Task<int> FailedExamAsync(int branch, int person, decimal score) => app.WithDbAsync(db =>
    {
        var history = new StudyExamHistory { PersonId = person, OrganizationId = branch, State = ExamState.MakeUpDue, MakeUpDue = new DateOnly(2024, 4, 9) };
        history.Exams.Add(new StudyExamResult
        {
            Date = new DateOnly(2024, 3, 10), Kind = ExamKind.Regular, Score = score, Passed = false, StateAfter = ExamState.MakeUpDue, RecordedBy = "测试", RecordedAt = DateTimeOffset.UtcNow,
        });
        db.StudyExamHistories.Add(history);
        return db.SaveChangesAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class StudyRankingSqliteTests(SqliteApp app) : StudyRankingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StudyRankingPostgresTests(PostgresApp app) : StudyRankingTests(app);
