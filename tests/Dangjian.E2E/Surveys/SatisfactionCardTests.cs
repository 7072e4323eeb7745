using Dangjian.Domain.Meetings;
using Dangjian.Domain.Surveys;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Surveys;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Surveys;

/// <summary>
/// 满意度测评 on a democratic life meeting (SRV-3, 群众满意票反馈制): the township's administrator opens the meeting's
/// page, finds the card worded for a democratic life meeting, and starts a code vote in one click; the card then shows
/// the running vote, which belongs to the meeting's organization.
/// </summary>
public sealed class SatisfactionCardTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task DemocraticLifeMeeting_Card_StartsASatisfactionVote() => RunAsync(async page =>
    {
        var branch = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).BranchWithPeople();
        var theme = "满意度测评民主生活会" + Guid.NewGuid().ToString("N")[..6];
        var meetingId = await App.WithDbAsync(async db =>
        {
            var meeting = new DemocraticLifeMeeting { OrganizationId = branch.Id, Year = OrgToday.Value.Year, Theme = theme, PlannedDate = OrgToday.Value.AddDays(14) };
            db.DemocraticLifeMeetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"meetings/democratic-life/{BrowserApp.Invariant(meetingId)}");
        var card = new SatisfactionCardPart(page, Ui.Zh, SurveyTargetKind.DemocraticLifeMeeting);
        await Expect(card.Heading).ToBeVisibleAsync();
        await Expect(card.Card).ToHaveAttributeAsync("data-satisfaction", "none");

        await card.StartWithCodesAsync();

        await Expect(card.Card).Not.ToHaveAttributeAsync("data-satisfaction", "none");
        var survey = await App.WithDbAsync(db => db.Surveys.Where(s => s.TargetKind == SurveyTargetKind.DemocraticLifeMeeting && s.TargetId == meetingId)
            .Select(s => new { s.Id, s.OrganizationId, s.Status }).SingleAsync());
        await Expect(card.Card).ToHaveAttributeAsync("data-satisfaction", BrowserApp.Invariant(survey.Id));
        Assert.Equal((branch.Id, SurveyStatus.Open), (survey.OrganizationId, survey.Status));
    });
}
