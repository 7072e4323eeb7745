using Dangjian.Domain.Surveys;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Surveys;

/// <summary>
/// A survey page follows the permission matrix: whoever holds Surveys.Run over the survey's organization sees its actions;
/// a member of the branch, who only reads (Surveys.Read), sees the survey and its questions and no action.
/// </summary>
public sealed class SurveyReaderTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task AMemberReadsTheirBranchsDraftSurvey_WithNoAction_WhereTheOrgAdminHasThem() => RunAsync(async (admin, member) =>
    {
        var branch = await App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == "member").Select(x => x.OrganizationId).FirstAsync());
        var title = "支部读者问卷" + Guid.NewGuid().ToString("N")[..4];
        var id = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var commands = sp.GetRequiredService<SurveyCommands>();
            var survey = await commands.CreateAsync(new SurveyRequest(branch, title, null, SurveyAccess.AccessCodes, null, null));
            await commands.AddQuestionAsync(survey, new QuestionRequest(QuestionKind.Rating, "对支部工作的满意度", true, null, null, 5));
            return survey;
        });

        await new LoginPage(admin).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(admin, $"surveys/{id}");
        await Expect(admin.Locator("#survey-open")).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-settings=true]")).ToBeVisibleAsync();
        await Expect(admin.Locator("#question-form-h")).ToBeVisibleAsync();

        await new LoginPage(member).SignInAsync("member");
        await Interactive.GotoAsync(member, $"surveys/{id}");
        await Expect(member.GetByText(title).First).ToBeVisibleAsync();
        await Expect(member.GetByText("对支部工作的满意度")).ToBeVisibleAsync();
        await Expect(member.Locator("#survey-open")).ToHaveCountAsync(0);
        await Expect(member.Locator("[data-settings=true]")).ToHaveCountAsync(0);
        await Expect(member.Locator("#question-form-h")).ToHaveCountAsync(0);
    });
}
