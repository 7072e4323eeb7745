using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.PublicForms;

/// <summary>
/// A public form's GET page is kept rendered (FormPages, issue 18 "Speed"): what a phone sees must be what a fresh
/// render shows — its own antiforgery token, its own code from the link, the form's current state and the phone's
/// language — however many phones opened it before.
/// </summary>
public abstract partial class FormPagesTests(AppFixture app)
{
    [Fact]
    public async Task KeptPage_EachPhoneGetsItsOwnTokenAndCode_AndBothAnswersCount()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[0];
        var codes = await app.IssueAsync(group.Id, 2);
        var first = app.Phone();
        var second = app.Phone();

        var plain = await first.GetStringAsync($"/public/evaluations/{group.Id}");
        var linked = await second.GetStringAsync($"/public/evaluations/{group.Id}?code={codes[1]}");

        Assert.Contains("value=\"\" autocomplete", plain, StringComparison.Ordinal);
        Assert.Contains($"value=\"{AccessCode.Display(codes[1])}\" autocomplete", linked, StringComparison.Ordinal);
        Assert.NotEqual(Token(plain), Token(linked));
        // Apart from the token and the code, the kept page is the page.
        Assert.Equal(
            EvaluationSetup.WithoutToken(plain),
            EvaluationSetup.WithoutToken(linked).Replace(AccessCode.Display(codes[1]), string.Empty, StringComparison.Ordinal));
        Assert.DoesNotMatch(Marker(), linked);

        // Each phone's token works with its own cookie (AnswerAsync reads it from a fresh GET of the kept page), and each
        // gets its own receipt on the kept receipt page.
        var ratings = EvaluationSetup.AllRated(c);
        var one = await first.AnswerAsync(group.Id, codes[0], ratings);
        var two = await second.AnswerAsync(group.Id, codes[1], ratings);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(HttpStatusCode.OK, two.Status);
        var receipts = new[] { EvaluationSetup.Receipt(one.Body), EvaluationSetup.Receipt(two.Body) };
        Assert.All(receipts, r => Assert.False(string.IsNullOrEmpty(r)));
        Assert.Equal(one.Body.Replace(receipts[0]!, "R", StringComparison.Ordinal), two.Body.Replace(receipts[1]!, "R", StringComparison.Ordinal));
        Assert.DoesNotMatch(Marker(), one.Body);
        await app.CloseAsync(c);
        Assert.Equal(receipts.Order(StringComparer.Ordinal), (await app.ResponsesAsync(group.Id)).Select(b => b.Receipt).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KeptPage_AfterClose_ShowsClosed()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[1];
        var open = await app.Phone().GetAsync($"/public/evaluations/{group.Id}");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("data-dimension=", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.CloseAsync(c);

        var closed = await app.Phone().GetAsync($"/public/evaluations/{group.Id}");
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        var html = await closed.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"not-open\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-dimension=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptPage_InEachLanguage()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[2];
        var chinese = await app.Phone().GetStringAsync($"/public/evaluations/{group.Id}");
        var phone = app.Phone();
        phone.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var english = await phone.GetStringAsync($"/public/evaluations/{group.Id}");
        var chineseAgain = await app.Phone().GetStringAsync($"/public/evaluations/{group.Id}");

        Assert.Contains("<html lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\"", chineseAgain, StringComparison.Ordinal);
        Assert.NotEqual(EvaluationSetup.WithoutToken(chinese), EvaluationSetup.WithoutToken(english));
    }

    [Fact]
    public async Task NoSuchForm_NotFound_EveryTime()
    {
        for (var i = 0; i < 2; i++)
        {
            var response = await app.Phone().GetAsync("/public/evaluations/987654");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("data-outcome=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static string Token(string html) => Http.AntiforgeryToken(html);

    // The code's marker: "zq" and 32 hex digits, never sent.
    [GeneratedRegex("zq[0-9a-f]{32}")]
    private static partial Regex Marker();
}

[Collection(SqliteCollection.Name)]
public sealed class FormPagesSqliteTests(SqliteApp app) : FormPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FormPagesPostgresTests(PostgresApp app) : FormPagesTests(app);
