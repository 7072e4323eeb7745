using System.Globalization;
using System.Runtime.CompilerServices;
using Dangjian.Data;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Elections.Rounds;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.E2E.Elections;

/// <summary>
/// What the election browser tests set up outside the pages: a branch of township A of their own with members, and one
/// published election for the tests that read every page.
/// </summary>
internal static class ElectionSeed
{
    /// <summary>Creates the branch (code and name made unique by the caller) and full members of the given names on its roll.</summary>
    public static async Task<(int OrgId, List<int> People)> BranchWithMembersAsync(this BrowserApp app, string code, string name, IReadOnlyList<string> names)
    {
        var tree = await app.TreeOfAsync(DemoFacts.OrgAdminA);
        var orgId = await app.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<OrganizationCommands>()
            .CreateAsync(new CreateOrganizationRequest(code, name, OrganizationKind.Branch, tree.Root().Id)));
        var people = await app.WithDbAsync(async db =>
        {
            var rows = names.Select(n => new Person
            {
                Name = n, Gender = Gender.Female, BirthDate = new DateOnly(1985, 3, 1), Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2010, 7, 1), OrganizationId = orgId,
            }).ToList();
            db.People.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        return (orgId, people);
    }

    /// <summary>The published election of <see cref="PublishedElectionAsync"/>, made once per app.</summary>
    private static readonly ConditionalWeakTable<BrowserApp, Task<(int ProjectId, int RoundId)>> Published = new();

    /// <summary>
    /// A branch election of township A that went the whole way (ELE-1 to ELE-13): project opened, three nominees vetted,
    /// the list fixed, a formal round for 2 seats with a roll of 3 / 3 / 3, three paper ballots entered by both tellers
    /// (orgadmin.a and admin), closed, counted and published; planned for today, so it heads the /elections list
    /// ahead of the projects other tests open for tomorrow or without a date. Made once per app, through the commands the
    /// pages call, so every test that awaits it sees the same election whatever ran before.
    /// </summary>
    public static Task<(int ProjectId, int RoundId)> PublishedElectionAsync(this BrowserApp app) =>
        Published.GetValue(app, a => a.PublishElectionAsync());

    private static async Task<(int ProjectId, int RoundId)> PublishElectionAsync(this BrowserApp app)
    {
        // Digits, not letters: a letter tag on a Chinese page would read as English to the page scan.
        var tag = Random.Shared.Next(1000, 10_000).ToString(CultureInfo.InvariantCulture);
        var tree = await app.TreeOfAsync(DemoFacts.OrgAdminA);
        var (projectId, bodyId) = await app.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var orgId = await sp.GetRequiredService<OrganizationCommands>()
                .CreateAsync(new CreateOrganizationRequest("E2ESC" + tag, "已选举支部" + tag, OrganizationKind.Branch, tree.Root().Id));
            var db = sp.GetRequiredService<DangjianDbContext>();
            var people = new List<int>();
            foreach (var name in new[] { "赵", "钱", "孙" }.Select(s => s + "委员" + tag))
            {
                var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 8_000));
                string idNumber;
                do
                {
                    idNumber = RosterFile.NewIdNumber(Random.Shared, birth, Gender.Female);
                }
                while (await db.People.AnyAsync(p => p.IdNumber == idNumber));

                people.Add(await sp.GetRequiredService<PeopleCommands>().CreateAsync(
                    new PersonRequest(name, idNumber, null, null, MemberStatus.Full, birth.AddYears(25), orgId, null, null, null, null, FullMemberOn: birth.AddYears(26))));
            }

            var id = await sp.GetRequiredService<ElectionProjectCommands>().OpenAsync(
                new OpenProjectRequest(orgId, "已完成换届" + tag, 1, OrgToday.Value, null, [new BodyRequest(BodyKind.Committee, 2)]));
            var queries = sp.GetRequiredService<ElectionProjectQueries>();
            var body = (await queries.GetAsync(id)).Bodies.Single().Id;
            var nominees = sp.GetRequiredService<NomineeCommands>();
            foreach (var person in people)
            {
                await nominees.NominateAsync(id, new NominateRequest(body, person, NominationSource.Superior, null, null, null, null));
            }

            return (id, body);
        });

        // Each step in a scope of its own, as each request of the pages is; the tellers are two different accounts (ELE-11).
        await app.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var nominees = sp.GetRequiredService<NomineeCommands>();
            foreach (var n in await sp.GetRequiredService<ElectionProjectQueries>().NomineesAsync(projectId))
            {
                await nominees.VetAllAsync(projectId, n.Id, new VettingAllRequest(
                    [.. n.Checks.Select(c => new VettingCheckRequest(c.Kind, VettingResult.Passed, "组织部", OrgToday.Value, null, c.Version))]));
            }

            return 0;
        });
        var (roundId, names) = await app.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var queries = sp.GetRequiredService<ElectionProjectQueries>();
            var ids = (await queries.NomineesAsync(projectId)).Select(n => n.Id).ToList();
            await sp.GetRequiredService<NomineeCommands>().FixListAsync(projectId, bodyId, new FixListRequest(ids, (await queries.GetAsync(projectId)).Bodies.Single().Version));
            var rounds = sp.GetRequiredService<RoundLifecycle>();
            var id = await rounds.CreateAsync(projectId, new RoundCreateRequest(bodyId, ElectionMode.Formal, Electorate.Members, "选举支部委员" + tag, null));
            await rounds.UpdateRollAsync(id, new RollRequest(3, 3, 3));
            await rounds.OpenAsync(id, null);
            return (id, (await queries.NomineesAsync(projectId)).Select(n => n.PersonName).Order(StringComparer.Ordinal).ToList());
        });

        // Three of 3 entitled for the first, two for the second, one for the third: more than half elects the first two.
        string[][] ballots = [[names[0], names[1]], [names[0], names[1]], [names[0], names[2]]];
        foreach (var (user, teller) in new[] { (DemoFacts.OrgAdminA, 1), ("admin", 2) })
        {
            await app.AsUserAsync(user, async sp =>
            {
                foreach (var ballot in ballots)
                {
                    await sp.GetRequiredService<PaperEntryCommands>().AddAsync(roundId, new PaperEntryRequest(teller, null, ballot, [], []));
                }

                return 0;
            });
        }

        await app.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            await sp.GetRequiredService<RoundLifecycle>().CloseAsync(roundId, null);
            return 0;
        });
        await app.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var counting = sp.GetRequiredService<RoundCounting>();
            await counting.CountAsync(roundId, null);
            await counting.PublishAsync(roundId, null);
            return 0;
        });
        return (projectId, roundId);
    }
}
