using Dangjian.Domain.Elections;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Elections.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using ElectionProjectPage = Dangjian.E2E.Pages.Elections.ElectionProjectPage;

namespace Dangjian.E2E.Elections;

/// <summary>
/// Bulk entry and the next step on the project page: the four checks of a nominee in one save (ELE-5), one check for
/// many nominees from the table, and 另行选举 offered as a button once a formal round leaves seats unfilled (ELE-12).
/// </summary>
public sealed class BulkVettingTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task VetANominee_FourChecksInOneSave_AfterReloadAllPassedAndEligible() => RunAsync(async page =>
    {
        var (projectId, names) = await ProjectAsync(1, []);
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"elections/{projectId}");
        var project = new ElectionProjectPage(page, Ui.Zh);

        await project.VetAsync(names[0]);

        await page.ReloadAsync();
        foreach (var kind in Enum.GetValues<VettingKind>())
        {
            await Expect(project.Chip(names[0], kind)).ToHaveTextAsync(project.ChipText(kind, VettingResult.Passed));
        }

        await Expect(project.CanBeCandidate(names[0])).ToBeVisibleAsync();
        var committee = page.Locator("[data-body=Committee]");
        await Expect(committee.GetByLabel(names[0], new() { Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task OneCheckForMany_TickedRowsSavedTogether_WithAnException() => RunAsync(async page =>
    {
        var (projectId, names) = await ProjectAsync(3, []);
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"elections/{projectId}");
        var project = new ElectionProjectPage(page, Ui.Zh);

        await project.VetManyAsync(VettingKind.Dossier, names, names, failed: names[2]);

        foreach (var (name, result) in new[] { (names[0], VettingResult.Passed), (names[1], VettingResult.Passed), (names[2], VettingResult.Failed) })
        {
            await Expect(project.Chip(name, VettingKind.Dossier)).ToHaveTextAsync(project.ChipText(VettingKind.Dossier, result));
            await Expect(project.Chip(name, VettingKind.Petitions)).ToHaveTextAsync(project.ChipText(VettingKind.Petitions, VettingResult.Open));
        }

        await page.ReloadAsync();
        await Expect(project.Chip(names[2], VettingKind.Dossier)).ToHaveTextAsync(project.ChipText(VettingKind.Dossier, VettingResult.Failed));
    });

    [Fact]
    public Task UnfilledRound_ProjectOffersSupplementaryElection_TheButtonStartsIt() => RunAsync(async page =>
    {
        var (projectId, names) = await ProjectAsync(3, [0, 1, 2]);
        // A published formal round for 2 seats in which only the first reached the threshold: one seat is left.
        var roundId = await App.WithDbAsync(async db =>
        {
            var body = db.ElectionBodies.Single(b => b.ProjectId == projectId);
            var result = new CountResult(CountStatus.Counted, null, 3, 4, 4, 0,
                [new(names[0], 3, 1, 0, false), new(names[1], 1, 3, 0, false), new(names[2], 0, 4, 0, false)], [names[0]], null, 1);
            var round = new ElectionRound
            {
                ProjectId = projectId, BodyId = body.Id, Title = "正式选举", Mode = ElectionMode.Formal, Seats = 2, EntitledVoters = 4, VotersPresent = 4, BallotsIssued = 4,
                CandidatesJson = System.Text.Json.JsonSerializer.Serialize(names), Status = RoundStatus.Published, ResultJson = CountJson.Write(result),
                PublishedAt = DateTimeOffset.UtcNow,
            };
            db.ElectionRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"elections/{projectId}");

        var owed = page.Locator("[data-owed=Committee]");
        await Expect(owed).ToContainTextAsync(Ui.Format<ElectionText>("SeatsUnfilled", Ui.Zh, Ui.Text<Dangjian.Web.Features.Common.EnumText>("BodyKind.Committee", Ui.Zh), 1));
        await Expect(page.Locator("[data-stage]").First).ToHaveAttributeAsync("data-stage", "Meeting");
        await owed.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("StartSupplementary", Ui.Zh) }).ClickAsync();

        var title = Ui.Format<ElectionText>("SupplementaryTitle", Ui.Zh, Ui.Text<Dangjian.Web.Features.Common.EnumText>("BodyKind.Committee", Ui.Zh));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", nameof(RoundStatus.Draft));
        await Interactive.GotoAsync(page, $"elections/{projectId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-owed]")).ToHaveCountAsync(0);

        // The counted round no longer offers a second 另行选举 (the server would refuse it): it leads to the one started.
        await Interactive.GotoAsync(page, $"elections/rounds/{roundId}");
        await Expect(page.Locator("#round-followed-by")).ToHaveTextAsync(Ui.Format<RoundText>("FollowedBy", Ui.Zh, title));
        await Expect(page.Locator("#round-supplementary")).ToHaveCountAsync(0);
        await page.Locator("#round-followed-by").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
    });

    /// <summary>
    /// A project of a new branch for 2 committee seats with <paramref name="count"/> nominees, no check recorded; those at
    /// <paramref name="listed"/> on a fixed list.
    /// </summary>
    private async Task<(int ProjectId, List<string> Names)> ProjectAsync(int count, int[] listed)
    {
        var tag = Guid.NewGuid().ToString("N")[..6]; // lower-case: see WholeFlowTests
        var names = Enumerable.Range(1, count).Select(i => $"考察{i}号{tag}").ToList();
        var (orgId, people) = await App.BranchWithMembersAsync("E2EBV" + tag.ToUpperInvariant(), "浏览器考察支部" + tag, names);

        var projectId = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var id = await sp.GetRequiredService<ElectionProjectCommands>().OpenAsync(
                new OpenProjectRequest(orgId, "考察测试" + tag, 1, null, null, [new BodyRequest(BodyKind.Committee, 2)]));
            var nominees = sp.GetRequiredService<NomineeCommands>();
            var bodyId = (await sp.GetRequiredService<ElectionProjectQueries>().GetAsync(id)).Bodies.Single().Id;
            foreach (var person in people)
            {
                await nominees.NominateAsync(id, new NominateRequest(bodyId, person, NominationSource.Superior, null, null, null, null));
            }

            return id;
        });
        if (listed.Length > 0)
        {
            await App.WithDbAsync(async db =>
            {
                var ids = listed.Select(i => people[i]).ToList();
                foreach (var n in db.Nominees.Where(n => n.ProjectId == projectId && ids.Contains(n.PersonId)))
                {
                    n.OnList = true;
                }

                db.ElectionBodies.Single(b => b.ProjectId == projectId).ListFixedAt = DateTimeOffset.UtcNow;
                return await db.SaveChangesAsync();
            });
        }

        return (projectId, names);
    }
}
