using System.Text.RegularExpressions;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Elections;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using ElectionProjectPage = Dangjian.E2E.Pages.Elections.ElectionProjectPage;
using RoundText = Dangjian.Web.Features.Elections.Rounds.RoundText;

namespace Dangjian.E2E.Elections;

/// <summary>
/// A whole term election (换届) in the browser, as its users do it: the township's administrator nominates and vets on the
/// project page, sees a list refused and then fixes it, creates and opens the round, issues codes on the slips page; a
/// voter casts a ballot on a phone with JavaScript off, gets a receipt and is refused a second time; two tellers enter
/// the paper ballots with one difference, which is highlighted until corrected; the round is closed, counted and
/// published, and the voter finds the receipt among those counted on the public result page.
/// </summary>
public sealed class WholeFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task District_RunsAnElection_ThroughThePages() => RunAsync(async (staff, other) =>
    {
        var (projectId, title, names) = await ProjectAsync();
        var (a, b, c, d, blocked) = (names[0], names[1], names[2], names[3], names[4]);

        // ---- Nomination and vetting on the project page, opened from /elections.
        await new LoginPage(staff).SignInAsync(DemoFacts.OrgAdminA);
        var project = await new ElectionProjectPage(staff, Ui.Zh).OpenFromListAsync(title);
        await project.NominateAsync(BodyKind.Committee, a, NominationSource.Superior);
        await project.NominateAsync(BodyKind.Committee, b, NominationSource.Joint, "赵一、钱二、孙三");
        await project.NominateAsync(BodyKind.Committee, c, NominationSource.Self);
        await project.NominateAsync(BodyKind.Committee, d, NominationSource.PublicRecommendation);
        await project.NominateAsync(BodyKind.Committee, blocked, NominationSource.Superior);
        await Expect(project.NomineeRow(b)).ToContainTextAsync("赵一、钱二、孙三");
        await Expect(project.Stage).ToHaveAttributeAsync("data-stage", "Nomination");
        foreach (var name in names.Take(4))
        {
            await project.VetAsync(name);
            await Expect(project.CanBeCandidate(name)).ToBeVisibleAsync();
        }

        await project.VetAsync(blocked, VettingKind.Petitions);
        await Expect(project.Blocked(blocked)).ToBeVisibleAsync();

        // ---- The list: all five refused naming the blocked nominee; three refused (3 seats need 4); the four fixed.
        await project.FixListAsync(BodyKind.Committee, names, names);
        await Expect(project.ListRefusal(BodyKind.Committee)).ToContainTextAsync(blocked);
        await project.FixListAsync(BodyKind.Committee, [a, b, c], names);
        await Expect(project.ListRefusal(BodyKind.Committee)).ToContainTextAsync(Ui.Format<RuleText>("Election.TooFewCandidates", Ui.Zh, 3, 4, 20, 3));
        await project.FixListAsync(BodyKind.Committee, [a, b, c, d], names);
        await Expect(project.ListFixed(BodyKind.Committee)).ToBeVisibleAsync();
        await Expect(project.Stage).ToHaveAttributeAsync("data-stage", "Candidates");

        // ---- The round: created from the fixed list, roll 4 / 4 / 4 (3 "for" votes elect), opened.
        await project.Rounds.ClickAsync();
        var rounds = new RoundsPage(staff, Ui.Zh);
        await Expect(rounds.Title).ToBeVisibleAsync();
        var roundTitle = "选举支部委员" + title[^6..];
        var round = await rounds.CreateAsync(Ui.Text<RoundText>("Body.Committee", Ui.Zh), roundTitle);
        var roundId = int.Parse(Regex.Match(staff.Url, @"/elections/rounds/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await round.SaveRollAsync(entitled: 4, present: 4, issued: 4);
        await round.OpenVotingAsync();

        // ---- Codes on the slips page (a plain page: no circuit), two read off it.
        await round.CodesLink.ClickAsync();
        var codes = await new CodesPage(staff, Ui.Zh).IssueAsync(2);
        Assert.Equal(2, codes.Distinct().Count());

        // ---- A voter's phone with JavaScript off: one ballot with the first code, a receipt; the same code again is refused.
        var phone = await App.NewContextAsync(viewport: BrowserApp.Phone, javaScriptEnabled: false);
        try
        {
            var voter = await phone.NewPageAsync();
            var ballot = await new BallotPage(voter, Ui.Zh).OpenAsync(roundId);
            await ballot.CastAsync(codes[0], (a, "Mark.For"), (b, "Mark.For"));
            await Expect(ballot.Receipt).ToBeVisibleAsync();
            var receipt = (await ballot.Receipt.GetAttributeAsync("data-receipt"))!;
            await ballot.OpenAsync(roundId);
            await ballot.CastAsync(codes[0], (c, "Mark.For"));
            await Expect(ballot.AlreadyUsed).ToContainTextAsync(Ui.Text<Dangjian.Web.Features.Elections.Voting.VotingText>("Vote.AlreadyUsed", Ui.Zh));
            await Expect(ballot.Receipt).ToHaveCountAsync(0);

            // ---- Paper ballots, entered by two tellers signed in on their own; teller 2 misses the 不赞成 on ballot 2.
            var teller1 = await new RoundPage(staff).OpenAsync(roundId);
            await new LoginPage(other).SignInAsync("admin");
            var teller2 = await new RoundPage(other).OpenAsync(roundId);
            await teller1.EnterAsync(1, (a, "Mark.For"), (c, "Mark.For"));
            await teller1.EnterAsync(1, (a, "Mark.For"), (b, "Mark.For"), (d, "Mark.Against"));
            await teller2.EnterAsync(2, (a, "Mark.For"), (c, "Mark.For"));
            await teller2.EnterAsync(2, (a, "Mark.For"), (b, "Mark.For"));
            await Expect(teller2.Mismatch(2)).ToBeVisibleAsync();
            await Expect(teller2.Mismatch(1)).ToHaveCountAsync(0);
            await Expect(teller2.Reconciled(false)).ToBeVisibleAsync();

            // Voting closes; while the tellers differ the count cannot be started.
            await teller1.ReloadAsync();
            await teller1.CloseVotingAsync();
            await Expect(teller1.Reconciled(false)).ToBeVisibleAsync();
            await Expect(teller1.CountButton).ToBeDisabledAsync();

            // Teller 2 corrects their entry; the difference goes.
            await teller2.ReloadAsync();
            await Expect(teller2.CorrectButtons).ToHaveCountAsync(1);
            await teller2.CorrectButtons.First.ClickAsync();
            await teller2.Mark(d, "Mark.Against").CheckAsync();
            await teller2.SaveButton.ClickAsync();
            await Expect(teller2.Reconciled(true)).ToBeVisibleAsync();
            await Expect(teller2.Mismatch(2)).ToHaveCountAsync(0);

            // ---- Count: by hand, over 1 electronic and 2 paper ballots, 3 of 4 entitled elect:
            // A for on all three; B for twice, abstains once; C for once; D against once. A alone is elected.
            await teller1.ReloadAsync();
            await Expect(teller1.CountButton).ToBeEnabledAsync();
            await teller1.CountAsync();
            string[][] expected = [[a, "3", "0", "0"], [b, "2", "0", "1"], [c, "1", "0", "2"], [d, "0", "1", "2"]];
            await Expect(teller1.ResultRows).ToHaveCountAsync(expected.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                var cells = await teller1.ResultRows.Nth(i).Locator("td").AllInnerTextsAsync();
                Assert.Equal(expected[i], cells.Take(4).Select(x => x.Trim()));
            }

            await Expect(staff.Locator(".round-result tr.elected")).ToHaveCountAsync(1);
            await Expect(staff.Locator(".round-result tr.elected")).ToContainTextAsync(a);
            await teller1.PublishAsync();

            // ---- The voter looks the receipt up on the public result page, still without JavaScript: it is among the
            // three ballots counted, and the answer shows no mark of any ballot.
            var published = await new PublicRoundPage(voter, Ui.Zh).OpenAsync(roundId);
            await Expect(published.ResultRows.First).ToContainTextAsync(a);

            // The public result fits the phone: no sideways scroll (the verify command wraps inside the card) and no
            // column header or name broken a character per line.
            await PageLayout.ShotAsync(voter, "election-public-phone");
            Assert.Equal(0, await PageLayout.OverflowAsync(voter, "main.public-page"));
            Assert.Empty(await PageLayout.WrappedAsync(voter, ".result-table th, .result-table td:first-child"));
            await published.LookUpAsync(receipt);
            await Expect(published.Found(true)).ToHaveTextAsync(Ui.Format<RoundText>("ReceiptFound", Ui.Zh, receipt, 3));
            await Expect(published.Found(true)).Not.ToContainTextAsync(a);

            // A alone elected to 3 seats: the result is published, yet two seats are owed, so the project stays at the
            // meeting and offers 另行选举 as its next step (ELE-12).
            await Interactive.GotoAsync(staff, $"elections/{projectId}");
            await Expect(project.Stage).ToHaveAttributeAsync("data-stage", "Meeting");
            await Expect(staff.Locator("[data-owed=Committee]")).ToContainTextAsync(
                Ui.Format<ElectionText>("SeatsUnfilled", Ui.Zh, Ui.Text<EnumText>("BodyKind.Committee", Ui.Zh), 2));
            await Expect(staff.Locator("[data-owed=Committee]").GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("StartSupplementary", Ui.Zh) })).ToBeVisibleAsync();
        }
        finally
        {
            await phone.DisposeAsync();
        }
    });

    /// <summary>
    /// A branch of township A of this test's own with five members, and its election project (a committee of 3 seats)
    /// opened by orgadmin.a; planned for tomorrow, so it heads the /elections list. Names in nomination order.
    /// </summary>
    private async Task<(int ProjectId, string Title, List<string> Names)> ProjectAsync()
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        // Lower-case hex: the page crawl (PageScanTests) reads a lower-case hex tail glued to a Chinese name as data, and
        // an upper-case one of letters only ("FDCEAE", about one tag in 360) as an English word.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var orgId = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<OrganizationCommands>()
            .CreateAsync(new CreateOrganizationRequest("E2EWF" + tag.ToUpperInvariant(), "浏览器全流程支部" + tag, OrganizationKind.Branch, tree.Root().Id)));
        var names = new[] { "张", "王", "李", "刘", "陈" }.Select(s => s + "委员" + tag).ToList();
        await App.WithDbAsync(async db =>
        {
            // Valid ID numbers no one else has, so the shared rosters and exports treat these members like any other.
            foreach (var name in names)
            {
                var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 12_000));
                string idNumber;
                do
                {
                    idNumber = RosterFile.NewIdNumber(Random.Shared, birth, Gender.Male);
                }
                while (await db.People.AnyAsync(p => p.IdNumber == idNumber));

                db.People.Add(new Person
                {
                    Name = name, Gender = Gender.Male, IdNumber = idNumber, BirthDate = birth, Status = MemberStatus.Full, JoinedPartyOn = birth.AddYears(25), OrganizationId = orgId,
                });
                await db.SaveChangesAsync();
            }

            return names.Count;
        });
        var title = "全流程换届" + tag;
        var projectId = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<ElectionProjectCommands>().OpenAsync(
            new OpenProjectRequest(orgId, title, 1, OrgToday.Value.AddDays(1), null, [new BodyRequest(BodyKind.Committee, 3)])));
        return (projectId, title, names);
    }
}
