using System.Net;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Study.Compliance;

/// <summary>
/// Study compliance over HTTP on a real database (STU-2): the figures of seeded people are those of the rules of
/// <c>dangjian study compliance</c> (<see cref="StudyComplianceJson"/>) at the 39.5/40-hour and 89/90-day boundaries,
/// the subtree decides who is counted, "only shortfalls" and the export keep the same people, and township B's people
/// are kept from township A. Each test seeds people of its own on a term of township A's team in 2003, which nothing
/// else in the demo district reaches.
/// </summary>
public abstract class StudyComplianceTests(AppFixture app)
{
    private const string Route = StudyComplianceEndpoints.Route;
    private static readonly DateOnly AsOf = new(2003, 12, 31);
    private static readonly StudyTerm Term = new(new(2001, 3, 1), new(2006, 2, 28));

    [Fact]
    public async Task SeededTeamMembers_FiguresAreTheCommandLinesRules_At39Point5And40Hours_89And90Days()
    {
        var t = await app.TownshipsAsync();
        var (short_, full, member) = await SeedAsync(t);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var (_, all) = await EveryPageAsync(admin, $"organizationId={t.BranchOfA}&asOf=2003-12-31");
        var rows = new[] { short_, full }.Select(p => all.Single(r => r.PersonId == p.Id)).ToList();

        // The command line's rules on the same people: team role, the team's term, the same records and exams.
        var cli = StudyComplianceJson.Evaluate(new StudyComplianceInput(AsOf, StudyExamRules.Defaults.PassScore, StudyDefaults.Requirements,
            [.. new[] { short_, full }.Select(p => new StudyPerson(p.Name, "team", Term, p.Times, []))]));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("team", rows[i].Role);
            Assert.Equal((Term.Start, Term.End), (rows[i].TermStart!.Value, rows[i].TermEnd!.Value));
            Assert.Equal(
                cli.People[i].Requirements.Select(r => (r.Requirement.Kind, r.Done, r.Missing, r.BehindPace)),
                rows[i].Requirements.Select(r => (r.Kind, r.Done, r.Missing, r.BehindPace)));
        }

        var central = rows.Select(r => r.Requirements.Single(x => x.Kind == StudyDefaults.CentralGroup)).ToList();
        Assert.Equal([(39.5m, 0.5m, StudyProgress.BehindPace), (40m, 0m, StudyProgress.Complete)], central.Select(c => (c.Done, c.Missing, c.Progress)));
        var school = rows.Select(r => r.Requirements.Single(x => x.Kind == StudyDefaults.PartySchool)).ToList();
        Assert.Equal([(89m, 1m, false), (90m, 0m, false)], school.Select(c => (c.Done, c.Missing, c.BehindPace)));
        Assert.True(rows[0].Shortfall);

        // A member without a seat counts 32 hours of concentrated training only.
        var plain = all.Single(r => r.PersonId == member.Id);
        Assert.Equal(("member", false), (plain.Role, plain.Shortfall));
        Assert.Equal([(StudyDefaults.Concentrated, 32m, 0m, StudyProgress.Complete)], plain.Requirements.Select(r => (r.Kind, r.Done, r.Missing, r.Progress)));

        // The person's own view says the same.
        var one = await (await admin.GetAsync($"{Route}/person/{full.Id}?asOf=2003-12-31")).ReadAsync<StudyComplianceRow>();
        Assert.Equal(rows[1].Requirements, one.Requirements);
    }

    [Fact]
    public async Task ATeamPastItsTerm_KeepsItsLeadersRequirements_UntilTheNextTeamStarts()
    {
        var t = await app.TownshipsAsync();
        var (short_, _, _) = await SeedAsync(t);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        // 逾期未换届: the day after the 2001–2006 term ends, with no later team yet, its members are still the team's
        // (measured over the term they were elected for); from the day township A's next team starts, they are members.
        var after = Term.End.AddDays(1);
        var overdue = await (await admin.GetAsync($"{Route}/person/{short_.Id}?asOf={after:yyyy-MM-dd}")).ReadAsync<StudyComplianceRow>();
        Assert.Equal(("team", Term.Start, Term.End), (overdue.Role, overdue.TermStart!.Value, overdue.TermEnd!.Value));

        var next = await app.WithDbAsync(db => db.LeadershipTeams.Where(x => x.OrganizationId == t.A && x.StartsOn > Term.Start).MinAsync(x => x.StartsOn));
        Assert.True(next > after, "the demo district's next team of township A starts after the seeded term ends");
        var before = await (await admin.GetAsync($"{Route}/person/{short_.Id}?asOf={next.AddDays(-1):yyyy-MM-dd}")).ReadAsync<StudyComplianceRow>();
        var handedOver = await (await admin.GetAsync($"{Route}/person/{short_.Id}?asOf={next:yyyy-MM-dd}")).ReadAsync<StudyComplianceRow>();
        Assert.Equal(("team", "member"), (before.Role, handedOver.Role));
    }

    [Fact]
    public async Task Subtree_CountsItsMembersOnly_ShortfallsFilter_AndTheExportKeepTheSamePeople()
    {
        var t = await app.TownshipsAsync();
        var (short_, full, member) = await SeedAsync(t);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var (township, townshipRows) = await EveryPageAsync(admin, $"organizationId={t.A}&asOf=2003-12-31&shortfallsOnly=true");
        Assert.All(townshipRows, r => Assert.True(r.Shortfall));
        Assert.Equal(township.Shortfalls, township.Rows.Total);
        Assert.Contains(townshipRows, r => r.PersonId == short_.Id);
        Assert.DoesNotContain(townshipRows, r => r.PersonId == member.Id);
        var teamShare = township.Shares.Single(s => s.Role == "team" && s.Kind == StudyDefaults.CentralGroup);
        Assert.Equal(teamShare.People, teamShare.Complete + teamShare.OnPace + teamShare.BehindPace);

        // Another branch of the township does not count them; township B's people are never in township A's list.
        var otherBranch = await app.WithDbAsync(db => db.Organizations.Where(o => o.ParentId == t.A && o.Id != t.BranchOfA && o.Kind == Domain.Organizations.OrganizationKind.Branch).Select(o => o.Id).FirstAsync());
        var (_, other) = await EveryPageAsync(admin, $"organizationId={otherBranch}&asOf=2003-12-31");
        Assert.DoesNotContain(other, r => r.PersonId == short_.Id || r.PersonId == full.Id || r.PersonId == member.Id);
        Assert.DoesNotContain(townshipRows, r => r.PersonId == t.PersonOfB);

        var export = await admin.GetAsync($"{Route}/export?organizationId={t.BranchOfA}&asOf=2003-12-31&shortfallsOnly=true");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheet = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var mine = sheet.Where(r => Equals(r["姓名"], short_.Name)).ToList();
        Assert.Equal(StudyDefaults.Requirements.Count(r => r.Role == "team"), mine.Count);
        var centralRow = mine.Single(r => Equals(r["要求"], "中心组学习（每年）"));
        Assert.Equal((0.5d, "进度落后"), (Convert.ToDouble(centralRow["尚缺"], System.Globalization.CultureInfo.InvariantCulture), centralRow["进度"]));
        Assert.DoesNotContain(sheet, r => Equals(r["姓名"], member.Name));
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsCompliance_ItsPersonAndItsExport()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Route}?organizationId={t.B}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Route}/export?organizationId={t.B}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Route}/person/{t.PersonOfB}")).StatusCode);
        var missing = await (await admin.GetAsync(Route)).ProblemErrorsAsync();
        Assert.Equal(["organizationId"], missing.Keys);
    }

    private sealed record Seeded(int Id, string Name, IReadOnlyList<StudyTime> Times);

    /// <summary>
    /// Two members of branch A on a 2001–2006 term of township A's team, with 39.5 hours of 中心组 and 89 days of 党校, and
    /// 40 and 90; and a member of the branch without a seat, with 32 hours of concentrated training.
    /// </summary>
    /// <summary>The view's first page and the rows of every page: the shared test database's branches grow past one page as other tests add people.</summary>
    private static async Task<(StudyComplianceView View, List<StudyComplianceRow> Rows)> EveryPageAsync(HttpClient client, string query)
    {
        var first = await (await client.GetAsync($"{Route}?{query}&pageSize={Paging.MaxPageSize}")).ReadAsync<StudyComplianceView>();
        var rows = first.Rows.Items.ToList();
        for (var page = 2; rows.Count < first.Rows.Total; page++)
        {
            var next = await (await client.GetAsync($"{Route}?{query}&pageSize={Paging.MaxPageSize}&page={page}")).ReadAsync<StudyComplianceView>();
            Assert.NotEmpty(next.Rows.Items);
            rows.AddRange(next.Rows.Items);
        }

        return (first, rows);
    }

    private async Task<(Seeded Short, Seeded Full, Seeded Member)> SeedAsync(Demo.Townships t) => await app.WithDbAsync(async db =>
    {
        var numbers = await db.LeadershipTeams.Where(x => x.OrganizationId == t.A).Select(x => x.TermNumber).ToListAsync();
        var team = new LeadershipTeam { OrganizationId = t.A, TermNumber = Enumerable.Range(1, 1000).First(n => !numbers.Contains(n)), StartsOn = Term.Start, EndsOn = Term.End };
        var people = new[] { "学时差半", "学时足额", "集中学习" }.Select(n => new Person
        {
            Name = n + Demo.UniqueCode(""), Gender = Gender.Female, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(1990, 7, 1), OrganizationId = t.BranchOfA,
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        team.Positions = [.. people.Take(2).Select(p => new TeamPosition { PersonId = p.Id, Role = TeamRole.CommitteeMember })];
        db.LeadershipTeams.Add(team);

        var now = DateTimeOffset.UtcNow;
        var today = OrgToday.Value;
        StudyRecord Clerk(Person p, StudyRecordContent c) => StudyRecord.Enter(p.Id, p.OrganizationId, c, byClerk: true, StudyCredits.Defaults, "测试", now, today);
        var seeded = new List<Seeded>();
        foreach (var (p, last, secondHours) in new[] { (people[0], new DateOnly(2003, 5, 29), 15.5m), (people[1], new DateOnly(2003, 5, 30), 16m) })
        {
            var records = new[]
            {
                Clerk(p, new(StudyKind.PartySchool, From: new(2003, 3, 2), To: last)),
                Clerk(p, new(StudyKind.CentralGroup, Date: new(2003, 4, 10), Hours: 24m, Topic: "中心组专题学习")),
                Clerk(p, new(StudyKind.CentralGroup, Date: new(2003, 11, 20), Hours: secondHours, Topic: "中心组专题学习")),
            };
            db.StudyRecords.AddRange(records);
            seeded.Add(new Seeded(p.Id, p.Name, [.. records.Select(r => r.Time)]));
        }

        var training = new[] { new DateOnly(2003, 6, 2), new DateOnly(2003, 9, 8) }
            .Select(d => Clerk(people[2], new(StudyKind.Concentrated, Date: d, Hours: 16m, Topic: "党员集中轮训"))).ToList();
        db.StudyRecords.AddRange(training);
        seeded.Add(new Seeded(people[2].Id, people[2].Name, [.. training.Select(r => r.Time)]));
        await db.SaveChangesAsync();
        return (seeded[0], seeded[1], seeded[2]);
    });
}

[Collection(SqliteCollection.Name)]
public sealed class StudyComplianceSqliteTests(SqliteApp app) : StudyComplianceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StudyCompliancePostgresTests(PostgresApp app) : StudyComplianceTests(app);
