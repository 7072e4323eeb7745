using Dangjian.Domain.Surveys;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Surveys;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Surveys;

/// <summary>
/// A questionnaire as its users meet it (SRV-1, SRV-2): the township's administrator builds a code survey with one
/// question of each kind, publishes it and issues codes on the slips page; a respondent answers on a phone with
/// JavaScript off and is refused when the code is used again; the survey is closed and its statistics show a chart
/// and the counts and percentages of the one response.
/// </summary>
public sealed class SurveyFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] Topics = ["党史学习", "理论宣讲", "志愿服务"];
    private static readonly string[] Channels = ["支部会议", "学习强国", "微信群", "宣传栏"];

    [Fact]
    public Task OrgAdmin_BuildsAnswersAndClosesASurvey_ThroughThePages() => RunAsync(async staff =>
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var organization = tree.BranchWithPeople().Name;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = "党员学习需求调查" + tag;
        const string single = "最希望的学习主题";
        const string multiple = "常用的学习渠道";
        const string rating = "对本年度学习安排的评价";
        const string text = "其他意见和建议";

        // ---- The draft: created from /surveys, four questions, one of each kind, published.
        await new LoginPage(staff).SignInAsync(DemoFacts.OrgAdminA);
        var list = await new SurveysPage(staff, Ui.Zh).OpenAsync();
        var survey = await list.CreateAsync(organization, title, SurveyAccess.AccessCodes);
        var surveyId = int.Parse(staff.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(survey.Status).ToHaveAttributeAsync("data-status", nameof(SurveyStatus.Draft));
        await survey.AddQuestionAsync(QuestionKind.SingleChoice, single, Topics);
        await survey.AddQuestionAsync(QuestionKind.MultipleChoice, multiple, Channels);
        await survey.AddQuestionAsync(QuestionKind.Rating, rating, scale: 5);
        await survey.AddQuestionAsync(QuestionKind.Text, text);
        await survey.OpenSurveyAsync();
        await Expect(survey.Responses).ToHaveAttributeAsync("data-responses", "0");

        // ---- Codes on the slips page (a plain page), two read off it.
        await survey.CodesLink.ClickAsync();
        await Interactive.WaitForAddressAsync(staff, u => u.AbsolutePath == $"/surveys/{surveyId}/codes");
        var codes = await new SurveyCodesPage(staff, Ui.Zh).IssueAsync(2);
        Assert.Equal(2, codes.Distinct().Count());

        // ---- A respondent's phone with JavaScript off: one answer set with the first code; the same code again is refused.
        var phone = await App.NewContextAsync(viewport: BrowserApp.Phone, javaScriptEnabled: false);
        try
        {
            var respondent = await new PublicSurveyPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(surveyId);
            await respondent.FillCodeAsync(codes[0]);
            await respondent.PickAsync(single, Topics[1]);
            await respondent.PickAsync(multiple, Channels[0]);
            await respondent.PickAsync(multiple, Channels[2]);
            await respondent.PickAsync(rating, "4");
            await respondent.WriteAsync(text, "希望多组织现场教学" + tag);
            await respondent.SubmitAsync();
            await Expect(respondent.Accepted).ToBeVisibleAsync();

            await respondent.OpenAsync(surveyId);
            await respondent.FillCodeAsync(codes[0]);
            await respondent.PickAsync(single, Topics[0]);
            await respondent.PickAsync(multiple, Channels[1]);
            await respondent.PickAsync(rating, "2");
            await respondent.WriteAsync(text, "再答一次");
            await respondent.SubmitAsync();
            await Expect(respondent.AlreadyUsed).ToContainTextAsync(Ui.Text<Dangjian.Web.Features.Surveys.SurveyText>("Public.AlreadyUsed", Ui.Zh));
            await Expect(respondent.Accepted).ToHaveCountAsync(0);
        }
        finally
        {
            await phone.DisposeAsync();
        }

        // ---- The organizer sees the count, closes the survey and reads the statistics of the one response.
        await survey.OpenAsync(surveyId);
        await Expect(survey.Responses).ToHaveAttributeAsync("data-responses", "1");
        await survey.CloseSurveyAsync();
        await Expect(survey.Statistics).ToBeVisibleAsync();
        await Expect(staff.Locator("[data-respondents]")).ToHaveAttributeAsync("data-respondents", "1");
        await Expect(survey.Charts).ToHaveCountAsync(2);
        var singleStats = staff.Locator("[data-question-stats]").Filter(new() { HasText = single });
        await Expect(singleStats.GetByRole(AriaRole.Row).Filter(new() { HasText = Topics[1] })).ToContainTextAsync("100.0%");
        await Expect(singleStats.GetByRole(AriaRole.Row).Filter(new() { HasText = Topics[0] })).ToContainTextAsync("0.0%");
        var multipleStats = staff.Locator("[data-question-stats]").Filter(new() { HasText = multiple });
        await Expect(multipleStats.Locator("[data-count='1']")).ToHaveCountAsync(2);
        await Expect(staff.GetByText("希望多组织现场教学" + tag)).ToBeVisibleAsync();
    });
}
