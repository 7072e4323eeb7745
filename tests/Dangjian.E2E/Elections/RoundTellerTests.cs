using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Elections;
using RoundPage = Dangjian.E2E.Pages.Elections.RoundPage;
using Dangjian.Web.Features.Elections.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Elections;

/// <summary>
/// ELE-11 in the browser: two tellers, each signed in on their own, enter the same paper ballot; a difference is
/// highlighted ballot by ballot until the teller who misread it corrects it.
/// </summary>
public sealed class RoundTellerTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task PaperBallots_TwoTellersDiffer_DifferenceShownUntilCorrected() => RunAsync(async (one, two) =>
    {
        var (roundId, names) = await OpenRoundAsync();

        await new LoginPage(one).SignInAsync("orgadmin.a");
        await new LoginPage(two).SignInAsync("admin");
        var teller1 = await new RoundPage(one).OpenAsync(roundId);
        var teller2 = await new RoundPage(two).OpenAsync(roundId);

        // Ballot 1: teller 1 reads for the first candidate; teller 2 misreads it as against.
        await teller1.EnterAsync(1, (names[0], "Mark.For"));
        await teller2.EnterAsync(2, (names[0], "Mark.Against"));

        // After a reload the page still knows which teller this account is.
        await teller2.ReloadAsync();
        await Expect(teller2.Teller(2)).ToBeCheckedAsync();
        await Expect(teller2.Mismatch(1)).ToBeVisibleAsync();
        await Expect(teller2.Reconciled(false)).ToBeVisibleAsync();

        // Teller 2 can correct their own entry (not teller 1's); after the correction the two agree.
        await Expect(teller2.CorrectButtons).ToHaveCountAsync(1);
        await teller2.CorrectButtons.First.ClickAsync();
        await teller2.Mark(names[0], "Mark.For").CheckAsync();
        await teller2.SaveButton.ClickAsync();
        await Expect(teller2.Reconciled(true)).ToBeVisibleAsync();
        await Expect(teller2.Mismatch(1)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task BallotPaper_PhoneWidth_ShowsEveryCandidateAndTheRule() => RunAsync(BrowserApp.Phone, async page =>
    {
        var (roundId, names) = await OpenRoundAsync();
        await new LoginPage(page).SignInAsync("orgadmin.a");
        await page.GotoAsync($"elections/rounds/{roundId}/ballot-paper");
        foreach (var name in names)
        {
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByText(Ui.Text<RoundText>("Rule.TooMany", Ui.Zh))).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the ballot is wider than the phone");
    });

    /// <summary>A project in township A with a fixed list of three, and an open formal round for it.</summary>
    private async Task<(int RoundId, IReadOnlyList<string> Names)> OpenRoundAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var (projectId, bodyId, names) = await App.WithDbAsync(async db =>
        {
            var township = await db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
                .Where(x => x.UserName == "orgadmin.a").Select(x => x.OrganizationId).FirstAsync();
            var path = await db.Organizations.Where(o => o.Id == township).Select(o => o.Path).FirstAsync();
            var branch = await db.Organizations.Where(o => o.Path.StartsWith(path) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active)
                .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            // One open project per organization (a unique index): close what earlier tests left open here.
            foreach (var open in await db.ElectionProjects.Where(p => p.OrganizationId == branch && p.ClosedAt == null).ToListAsync())
            {
                open.ClosedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync();
            var project = new ElectionProject { OrganizationId = branch, Title = "换届" + tag, TermNumber = 2, OpenedAt = DateTimeOffset.UtcNow };
            project.Bodies.Add(new ElectionBody { Kind = BodyKind.Committee, Seats = 2, ListFixedAt = DateTimeOffset.UtcNow });
            db.ElectionProjects.Add(project);
            await db.SaveChangesAsync();
            var names = new List<string>();
            foreach (var surname in new[] { "张", "王", "李" })
            {
                var idNumber = NewIdNumber(out var gender);
                var person = new Person { Name = surname + tag, OrganizationId = branch, Status = MemberStatus.Full, Gender = gender, IdNumber = idNumber, BirthDate = IdNumber.BirthDateOf(idNumber) };
                db.People.Add(person);
                await db.SaveChangesAsync();
                db.Nominees.Add(new Nominee { ProjectId = project.Id, BodyId = project.Bodies[0].Id, PersonId = person.Id, OnList = true });
                names.Add(person.Name);
            }

            await db.SaveChangesAsync();
            return (project.Id, project.Bodies[0].Id, names);
        });

        var roundId = await App.AsUserAsync("orgadmin.a", async sp =>
        {
            var commands = sp.GetRequiredService<RoundLifecycle>();
            var id = await commands.CreateAsync(projectId, new RoundCreateRequest(bodyId, ElectionMode.Formal, Electorate.Members, "选举委员" + tag, null));
            await commands.UpdateRollAsync(id, new RollRequest(10, 9, 9, 0));
            await commands.OpenAsync(id, null);
            return id;
        });
        return (roundId, names);
    }

    /// <summary>A valid ID number (GB 11643) outside the demo district's regions, so rosters and exports treat the person like any other.</summary>
    private static string NewIdNumber(out Gender gender)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 12_000));
        var sequence = Random.Shared.Next(0, 1000);
        gender = sequence % 2 == 1 ? Gender.Male : Gender.Female;
        var first17 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{sequence:000}");
        return first17 + IdNumber.CheckCharacter(first17);
    }
}
