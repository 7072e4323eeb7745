using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dangjian.Web.Tests.Surveys;

/// <summary>A survey built through the API, with its question ids in order.</summary>
public sealed record TestSurvey(int Id, IReadOnlyList<int> Questions, string? OpenLink);

/// <summary>Builds surveys through the API and answers them through the public page like a phone.</summary>
public static partial class SurveySetup
{
    public static readonly string[] Satisfaction = ["很满意", "满意", "不满意"];
    public static readonly string[] Topics = ["学习", "服务", "宣传", "活动"];

    /// <summary>
    /// A survey of township A with one question of each type: 1 single choice (required), 2 multiple choice (at most 2),
    /// 3 rating 1–5 (required), 4 text (optional).
    /// </summary>
    public static async Task<TestSurvey> SurveyAsync(this HttpClient staff, int organizationId, SurveyAccess access, int? quota = null, bool open = true)
    {
        var created = await (await staff.PostJsonAsync("/api/v1/surveys", new SurveyRequest(organizationId, Demo.UniqueCode("问卷"), "请如实填写", access, quota, null))).ReadAsync<SurveyView>();
        await Ok(await staff.PostJsonAsync($"/api/v1/surveys/{created.Id}/questions", new QuestionRequest(QuestionKind.SingleChoice, "总体评价", true, Satisfaction, null, null)));
        await Ok(await staff.PostJsonAsync($"/api/v1/surveys/{created.Id}/questions", new QuestionRequest(QuestionKind.MultipleChoice, "最需要加强的方面", false, Topics, 2, null)));
        await Ok(await staff.PostJsonAsync($"/api/v1/surveys/{created.Id}/questions", new QuestionRequest(QuestionKind.Rating, "给支部工作打分", true, null, null, 5)));
        var view = await (await staff.PostJsonAsync($"/api/v1/surveys/{created.Id}/questions", new QuestionRequest(QuestionKind.Text, "意见建议", false, null, null, null))).ReadAsync<SurveyView>();
        string? link = null;
        if (open)
        {
            link = (await (await staff.PostAsync($"/api/v1/surveys/{created.Id}/open", null)).ReadAsync<OpenedSurvey>()).OpenLink;
        }

        return new TestSurvey(created.Id, [.. view.Questions.Select(q => q.Id)], link);
    }

    public static async Task<IReadOnlyList<string>> IssueCodesAsync(this HttpClient staff, int surveyId, int count)
    {
        var issued = await (await staff.PostJsonAsync($"/api/v1/surveys/{surveyId}/codes", new SurveyCodesRequest(count))).ReadAsync<IssuedSurveyCodes>();
        Assert.Equal(count, issued.Codes.Count);
        return issued.Codes;
    }

    private static async Task Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static HttpClient Phone(this AppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The public page's path: by id for a code survey, the open link's path otherwise.</summary>
    public static string PagePath(TestSurvey survey) => survey.OpenLink is { } link ? new Uri(link).AbsolutePath : $"/public/surveys/{survey.Id}";

    /// <summary>
    /// Answers as the form posts: <paramref name="fields"/> are (question number from 1, value) pairs; the code when
    /// given. Returns the status and the page.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(this HttpClient phone, TestSurvey survey, string? code, params (int Question, string Value)[] fields)
    {
        var path = PagePath(survey);
        var page = await phone.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = Http.AntiforgeryToken(html);
        var form = new List<KeyValuePair<string, string>> { new("_handler", "survey"), new("__RequestVerificationToken", token) };
        if (code is not null)
        {
            form.Add(new("code", code));
        }

        form.AddRange(fields.Select(f => new KeyValuePair<string, string>($"q{survey.Questions[f.Question - 1]}", f.Value)));
        var response = await phone.PostAsync(path, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of the page's alert (the refusal), without markup.</summary>
    public static string Alert(string body) => AlertText().Match(body) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : string.Empty;

    [GeneratedRegex("role=\"alert\"[^>]*>([^<]*)<")]
    private static partial Regex AlertText();
}
