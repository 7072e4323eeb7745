using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Elections;

/// <summary>ELE-1 and ELE-2 in the browser: open an election from the dashboard's form, then record a talk and see the coverage move.</summary>
public sealed class ElectionProjectTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task OpenProject_FromTheForm_ThenRecordATalk_CoverageAndStageMove() => RunAsync(async page =>
    {
        var (orgId, orgName, names) = await NewBranchAsync();
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);

        await Interactive.GotoAsync(page, $"elections?organizationId={orgId}");
        var title = Ui.Format<ElectionText>("DefaultTitle", Ui.Zh, orgName, 4);
        await Expect(page.GetByLabel(Ui.Text<Dangjian.Web.Features.Common.RuleText>("Field.Title", Ui.Zh))).ToHaveValueAsync(title);
        await page.Locator("#open-save").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-stage]").First).ToHaveAttributeAsync("data-stage", "Preparation");

        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("GenerateTalks", Ui.Zh) }).ClickAsync();
        var record = page.GetByRole(AriaRole.Button, new() { Name = Ui.Format<ElectionText>("RecordTalkWith", Ui.Zh, names[0]), Exact = true });
        await Expect(record).ToBeVisibleAsync();
        await Expect(page.Locator("[data-figure=total]")).ToHaveTextAsync(BrowserApp.Invariant(names.Count));

        await record.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<Dangjian.Web.Features.Common.UiText>("Save", Ui.Zh), Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-figure=talked]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-figure=notyet]")).ToHaveTextAsync(BrowserApp.Invariant(names.Count - 1));
        await Expect(page.Locator("[data-stage]").First).ToHaveAttributeAsync("data-stage", "Research");
    });

    /// <summary>A branch of township A of this test's own, with four members and a current team of term 3.</summary>
    private async Task<(int Id, string Name, List<string> Names)> NewBranchAsync()
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var name = "浏览器换届支部" + Guid.NewGuid().ToString("N")[..6];
        var id = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<OrganizationCommands>()
            .CreateAsync(new CreateOrganizationRequest("E2EEL" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), name, OrganizationKind.Branch, tree.Root().Id)));
        var names = Enumerable.Range(1, 4).Select(i => $"谈话对象{i}{Guid.NewGuid().ToString("N")[..4]}").ToList();
        await App.WithDbAsync(async db =>
        {
            var people = names.Select(n => new Person
            {
                Name = n, Gender = Gender.Male, BirthDate = new DateOnly(1980, 1, 1), Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = id,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var ends = OrgToday.Value.AddDays(30);
            db.LeadershipTeams.Add(new LeadershipTeam
            {
                OrganizationId = id, TermNumber = 3, StartsOn = ends.AddYears(-5).AddDays(1), EndsOn = ends,
                Positions = [new TeamPosition { PersonId = people[0].Id, Role = TeamRole.Secretary }],
            });
            return await db.SaveChangesAsync();
        });
        return (id, name, names.Order(StringComparer.Ordinal).ToList());
    }
}
