using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using CasePage = Dangjian.E2E.Pages.Cadres.SelectionCasePage;
using PublicPage = Dangjian.E2E.Pages.Cadres.PublicSelectionPage;
using Dangjian.Web.Features.Cadres.Selection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Cadres;

/// <summary>
/// 选任写实 (CAD-3 … CAD-5) in the browser: a case of a new branch of township A, set up through the commands up to the
/// inspection (the round and the adopted cadre item written as the other modules would); then on the page a written
/// finding, the decision by command, the publicity started on the page, an anonymous objection from a phone with
/// JavaScript off, answered on the page, the appointment confirmed, and the dossier listing every step.
/// </summary>
public sealed class SelectionCaseTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task ACase_WalkedThrough_FindingPublicityObjectionAnswerAppointment_AllInTheDossier() => RunAsync(async page =>
    {
        var (caseId, candidates, item) = await SetUpAsync();
        const string Post = "村党组织书记";

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var sel = await new CasePage(page, Ui.Zh).OpenAsync(caseId, Post);
        await Expect(sel.Phase).ToHaveAttributeAsync("data-phase", "Inspecting");

        // One inspection step on the page: the second candidate's written finding (the first is recorded by command).
        await sel.RecordFindingAsync(candidates[1].Name, "工作扎实，群众认可度较高");
        // Saved when the trace holds both candidates' findings (the first was recorded by command).
        await Expect(page.Locator($"table.sel-trace tr[data-step={nameof(SelectionStep.CandidateFinding)}]")).ToHaveCountAsync(2);
        await Expect(sel.TraceRows.Last).ToContainTextAsync(candidates[1].Name);
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var inspection = sp.GetRequiredService<InspectionCommands>();
            var c = await sp.GetRequiredService<SelectionQueries>().CaseAsync(caseId);
            c = await inspection.CompleteAsync(caseId, new VersionRequest(c.Version));
            return await sp.GetRequiredService<SelectionCommands>().RecordDecisionAsync(caseId, new DecisionRequest(c.Version, item, [candidates[0].Id]));
        });

        await sel.OpenAsync(caseId, Post);
        await sel.StartPublicityAsync();
        await Expect(sel.Phase).ToHaveAttributeAsync("data-phase", "InPublicity");

        var phone = await App.NewContextAsync(viewport: BrowserApp.Phone, javaScriptEnabled: false);
        try
        {
            var publicPage = await new PublicPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(App.BaseUrl, caseId);
            await Expect(publicPage.Main).ToContainTextAsync(candidates[0].Name);
            await Expect(publicPage.Main).Not.ToContainTextAsync(candidates[1].Name);
            await publicPage.ObjectAsync("反映其在村集体经济项目中决策不够民主");
            await Expect(publicPage.Accepted).ToBeVisibleAsync();
        }
        finally
        {
            await phone.DisposeAsync();
        }

        await sel.OpenAsync(caseId, Post);
        await Expect(sel.Objection(1)).ToHaveAttributeAsync("data-outcome", "Open");
        await sel.ConcludeNotUpheldAsync(1, "经核实，项目经村民代表会议表决通过", "已向反映人所在村民小组当面反馈");
        await Expect(sel.Objection(1)).ToHaveAttributeAsync("data-outcome", "NotUpheld");

        var view = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<SelectionQueries>().CaseAsync(caseId));
        await sel.AppointAsync(view.PublicityLastDay!.Value.AddDays(1));
        await Expect(sel.Phase).ToHaveAttributeAsync("data-phase", "Appointed");

        await sel.OpenDossierAsync();
        var done = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<SelectionQueries>().CaseAsync(caseId));
        await Expect(sel.TraceRows).ToHaveCountAsync(done.Trace.Count);
        foreach (var step in new[]
        {
            SelectionStep.Call, SelectionStep.MeetingRecommendation, SelectionStep.Shortlist, SelectionStep.InspectionStarted, SelectionStep.CandidateFinding,
            SelectionStep.InspectionCompleted, SelectionStep.Decision, SelectionStep.PublicityStarted, SelectionStep.ObjectionReceived,
            SelectionStep.ObjectionConcluded, SelectionStep.Appointment,
        })
        {
            await Expect(page.Locator($"table.sel-trace tr[data-step={step}]").First).ToBeVisibleAsync();
        }
    });

    /// <summary>A new branch under township A with people, two certified inspectors, a recommendation round and an adopted cadre item; a case walked to the inspection.</summary>
    private async Task<(int CaseId, Person[] Candidates, int Item)> SetUpAsync()
    {
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root().Id;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (org, people, round, item) = await App.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FirstAsync(o => o.Id == township);
            var branch = new Organization { Code = "SEL" + tag.ToUpperInvariant(), Name = "选任测试支部" + tag, Kind = OrganizationKind.Branch, ParentId = township, Path = parent.Path };
            db.Organizations.Add(branch);
            await db.SaveChangesAsync();
            branch.Path = OrganizationTree.PathOf(parent.Path, branch.Id);
            var people = new[] { "候选甲", "候选乙", "考察丙", "考察丁" }.Select((n, i) => new Person
            {
                Name = n + tag, Gender = i % 2 == 0 ? Gender.Male : Gender.Female, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = branch.Id,
            }).ToArray();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            foreach (var p in people.Skip(2))
            {
                db.InspectionQualifications.Add(InspectionQualification.Issue(p.Id, p.Name, "考资" + BrowserApp.Invariant(p.Id), OrgToday.Value.AddYears(-1), OrgToday.Value.AddYears(2)));
            }

            var project = new ElectionProject { OrganizationId = branch.Id, Title = "推荐" + tag, TermNumber = 1, OpenedAt = DateTimeOffset.UtcNow };
            var body = new ElectionBody { Kind = BodyKind.Committee, Seats = 1 };
            project.Bodies.Add(body);
            db.ElectionProjects.Add(project);
            await db.SaveChangesAsync();
            var round = new ElectionRound { ProjectId = project.Id, BodyId = body.Id, Title = "村党组织书记推荐" + tag, Mode = ElectionMode.Recommendation, Seats = 1, CandidatesJson = "[]" };
            db.ElectionRounds.Add(round);
            var meeting = new Meeting { OrganizationId = township, Type = MeetingType.CommitteeMeeting, Title = "党委会" + tag, Date = OrgToday.Value.AddDays(-1), Status = MeetingStatus.Closed, CreatedAt = DateTimeOffset.UtcNow };
            meeting.Items.Add(new AgendaItem
            {
                Order = 1, Title = "研究村党组织书记人选" + tag, Category = ItemCategory.Cadre, Status = ItemStatus.Decided, Outcome = ItemOutcome.Passed,
                EntitledCount = 9, PresentCount = 8, VotesFor = 8, VotesAgainst = 0, VotesAbstain = 0, DecidedAt = DateTimeOffset.UtcNow,
            });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (branch.Id, people, round.Id, meeting.Items[0].Id);
        });

        var caseId = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var commands = sp.GetRequiredService<SelectionCommands>();
            var inspection = sp.GetRequiredService<InspectionCommands>();
            var c = await commands.OpenAsync(new OpenSelectionRequest(org, "村党组织书记", 1, "党龄三年以上，具有较强的组织协调能力"));
            c = await commands.LinkMeetingRecommendationAsync(c.Id, new MeetingRecommendationRequest(c.Version, round));
            c = await commands.ShortlistAsync(c.Id, new ShortlistRequest(c.Version, [people[0].Id, people[1].Id]));
            c = await inspection.StartAsync(c.Id, new StartInspectionRequest(c.Version, OrgToday.Value, [people[2].Id, people[3].Id]));
            foreach (var p in people.Take(2))
            {
                c = await inspection.RecordCircleAsync(c.Id, new CircleFindingRequest(c.Version, p.Id, InspectionCircle.Life, "邻里反映良好"));
                c = await inspection.RecordCircleAsync(c.Id, new CircleFindingRequest(c.Version, p.Id, InspectionCircle.Social, "社交正常"));
            }

            c = await inspection.RecordFindingAsync(c.Id, new CandidateFindingRequest(c.Version, people[0].Id, "政治素质好，带富能力强"));
            return c.Id;
        });
        return (caseId, people[..2], item);
    }
}
