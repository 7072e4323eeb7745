using Dangjian.Domain.Elections;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Elections;

/// <summary>ELE-5 and ELE-7 in the browser: a list naming a nominee with an open check is refused with their name; without them it is fixed.</summary>
public sealed class CandidateListTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task FixList_WithABlockedNominee_NamesThem_ThenWithoutThemIsFixed() => RunAsync(async page =>
    {
        var (projectId, names, blocked) = await ProjectWithNomineesAsync();
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"elections/{projectId}");

        var committee = page.Locator("[data-body=Committee]");
        foreach (var name in names.Append(blocked))
        {
            await committee.GetByLabel(name, new() { Exact = true }).CheckAsync();
        }

        await committee.GetByRole(AriaRole.Button, new() { Name = Ui.Format<ElectionText>("FixList", Ui.Zh, names.Count + 1) }).ClickAsync();
        await Expect(committee.GetByRole(AriaRole.Alert)).ToContainTextAsync(blocked);

        await committee.GetByLabel(blocked, new() { Exact = true }).UncheckAsync();
        await committee.GetByRole(AriaRole.Button, new() { Name = Ui.Format<ElectionText>("FixList", Ui.Zh, names.Count) }).ClickAsync();

        await Expect(committee.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("UnfixList", Ui.Zh) })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-stage]").First).ToHaveAttributeAsync("data-stage", "Candidates");
    });

    /// <summary>A project for 5 committee seats with 6 nominees who passed every check and one whose petitions check is open.</summary>
    private async Task<(int ProjectId, List<string> Names, string Blocked)> ProjectWithNomineesAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6]; // lower-case: see WholeFlowTests
        var names = Enumerable.Range(1, 7).Select(i => $"候选{i}号{tag}").ToList();
        var (orgId, people) = await App.BranchWithMembersAsync("E2ECL" + tag.ToUpperInvariant(), "浏览器名单支部" + tag, names);

        var projectId = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var id = await sp.GetRequiredService<ElectionProjectCommands>().OpenAsync(
                new OpenProjectRequest(orgId, "名单测试" + tag, 1, null, null, [new BodyRequest(BodyKind.Committee, 5)]));
            var bodyId = (await sp.GetRequiredService<ElectionProjectQueries>().GetAsync(id)).Bodies.Single().Id;
            var nominees = sp.GetRequiredService<NomineeCommands>();
            for (var i = 0; i < people.Count; i++)
            {
                var nomineeId = await nominees.NominateAsync(id, new NominateRequest(bodyId, people[i], NominationSource.Superior, null, null, null, null));
                foreach (var kind in Enum.GetValues<VettingKind>().Where(k => i < 6 || k != VettingKind.Petitions))
                {
                    await nominees.VetAsync(id, nomineeId, kind, new VettingRequest(VettingResult.Passed, "考察组", OrgToday.Value, null, 0));
                }
            }

            return id;
        });
        return (projectId, names.Take(6).ToList(), names[6]);
    }
}
