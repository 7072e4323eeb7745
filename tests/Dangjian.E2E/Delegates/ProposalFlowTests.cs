using Dangjian.Domain.Calendar;
using Dangjian.Domain.Delegates;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Delegates;
using Dangjian.Web.Features.Delegates.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Delegates;

/// <summary>
/// 提案 on a phone (DEL-2): the demo member, who holds a seat of the district's term, files a proposal from /me at 375 × 812
/// with two co-signers of the term; the district admin, also on a phone, registers it, assigns it to township A (picked by
/// name) and answers it on the proposal's page; the co-signers rate the answer (they have no account in the demo: entered
/// through the entity), and the member rates it 不满意 on /me: the proposal is back in handling, round 2. Nothing scrolls
/// sideways.
/// </summary>
public sealed class ProposalFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Member = "member";

    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task Member_AtPhoneWidth_FilesProposal_StaffAssignAndAnswer_MemberRatesUnsatisfied_BackInHandling() => RunAsync(Phone, async page =>
    {
        var mine = await App.AsUserAsync(Member, sp => sp.GetRequiredService<ProposalQueries>().MineAsync());
        var seat = mine.Seats.First(s => s.Serving && s.TermRuns);
        var unique = seat.CoDelegates.Where(d => seat.CoDelegates.Count(o => o.Name == d.Name) == 1).ToList();
        var coSigners = unique.Take(mine.MinimumCoSigners < 1 ? 1 : mine.MinimumCoSigners).ToList();
        var title = $"关于增设村级便民服务点的提案（{Guid.NewGuid().ToString("N")[..6]}）";
        const string content = "部分偏远村群众办事需往返镇上，建议在中心村增设便民服务点，实行代办服务。";
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root();

        await new LoginPage(page).SignInAsync(Member);
        await Interactive.GotoAsync(page, "me");
        await Expect(new MinePage(page, Ui.Zh).Title).ToBeVisibleAsync();
        var me = new ProposalPages(page, Ui.Zh);
        await me.FileAsync(coSigners.Select(c => c.Name), title, content);
        await Expect(me.MineTitled(title)).ToHaveAttributeAsync("data-status", nameof(ProposalStatus.Filed));
        Assert.False(await me.ScrollsSidewaysAsync(), "/me scrolls sideways at 375 px");
        var id = int.Parse((await me.MineTitled(title).GetAttributeAsync("data-proposal"))!, System.Globalization.CultureInfo.InvariantCulture);

        // The district admin registers it, assigns it to township A and answers it, on the proposal's page at phone width.
        const string answer = "已在三个中心村增设便民服务点，每周二、周五安排专人代办。";
        await using (var context = await App.NewContextAsync(viewport: Phone))
        {
            var staffPage = await context.NewPageAsync();
            await new LoginPage(staffPage).SignInAsync("admin");
            await Interactive.GotoAsync(staffPage, $"delegates/proposals/{BrowserApp.Invariant(id)}");
            var staff = new ProposalPages(staffPage, Ui.Zh);
            await Expect(staff.Heading(title)).ToBeVisibleAsync();
            await staff.RegisterAsync();
            await staff.AssignAsync(township.Name, 15);
            await Expect(staffPage.GetByText(township.Name).First).ToBeVisibleAsync();
            await staff.AnswerAsync(answer);
            Assert.False(await staff.ScrollsSidewaysAsync(), "the proposal page scrolls sideways at 375 px");
        }

        // The co-signers rate it 满意 (no account of theirs in the demo).
        await App.WithDbAsync(async db =>
        {
            var p = await db.Proposals.Include(x => x.Proposers).Include(x => x.Answers).Include(x => x.Ratings).AsSplitQuery().FirstAsync(x => x.Id == id);
            foreach (var c in coSigners)
            {
                p.Rate(c.PersonId, ProposalRating.Satisfied, OrgToday.Value, HolidayCalendar.Shipped, ProposalRules.Defaults);
            }

            await db.SaveChangesAsync();
            return 0;
        });

        // The member reads the answer and rates it 不满意: back in handling, a second round.
        await Interactive.RunAsync(page, () => page.ReloadAsync());
        var item = me.Mine(id);
        await Expect(item).ToHaveAttributeAsync("data-status", nameof(ProposalStatus.Answered));
        await Expect(item.Locator("[data-answer='1']")).ToContainTextAsync(answer);
        await me.RateAsync(id, "ProposalRating.Unsatisfied");
        await Expect(item).ToHaveAttributeAsync("data-status", nameof(ProposalStatus.Assigned));
        await Expect(item).ToContainTextAsync(me.Text("ProposalStatus.Assigned"));
        await Expect(item.Locator("[data-action=rate]")).ToHaveCountAsync(0);
        Assert.False(await me.ScrollsSidewaysAsync(), "/me scrolls sideways at 375 px after rating");
        await PageLayout.ShotAsync(page, "me-proposals-phone");

        var after = await App.AsUserAsync(Member, sp => sp.GetRequiredService<ProposalQueries>().GetAsync(id));
        Assert.Equal((ProposalStatus.Assigned, 2), (after.Status, after.HandlingRound));
        Assert.Contains(after.Ratings, r => r.Round == 1 && r.PersonId == after.Proposers.Single(x => x.IsLead).PersonId && r.Rating == ProposalRating.Unsatisfied);
    });
}
