using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dangjian.Web.Tests.Supervision;

/// <summary>The report box's public pages as a phone uses them: open the form (antiforgery cookie and token), post it.</summary>
public static partial class ReportBoxSetup
{
    /// <summary>
    /// A phone: no account, only the antiforgery cookie the form sets, and an address of its own (<see cref="TestPeer"/>),
    /// as each reporter has: the forms' limit is per address, and the suite's phones would otherwise all share one.
    /// </summary>
    public static HttpClient ReportPhone(this AppFixture app, string? address = null)
    {
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        phone.DefaultRequestHeaders.Add(TestPeer.Header, address ?? $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}");
        return phone;
    }

    public static async Task<string> AntiforgeryAsync(this HttpClient phone, string path)
    {
        var response = await phone.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {page}");
        return Http.AntiforgeryToken(page);
    }

    public static FormUrlEncodedContent ReportForm(string antiforgery, int? organizationId, string? kind, string? cadreName, string content, string? reporterName = null) =>
        new([
            new("_handler", "report"),
            new("__RequestVerificationToken", antiforgery),
            new("organizationId", organizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            new("subjectKind", kind ?? string.Empty),
            new("cadreName", cadreName ?? string.Empty),
            new("content", content),
            new("reporterName", reporterName ?? string.Empty),
        ]);

    public static FormUrlEncodedContent FollowForm(string antiforgery, string caseNumber, string secret) =>
        new([
            new("_handler", "follow"),
            new("__RequestVerificationToken", antiforgery),
            new("caseNumber", caseNumber),
            new("secret", secret),
        ]);

    /// <summary>Files a report; the answer's status and decoded page.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> FileReportAsync(
        this HttpClient phone, int? organizationId, string? kind, string? cadreName, string content, string? reporterName = null)
    {
        var antiforgery = await phone.AntiforgeryAsync("/public/report");
        var response = await phone.PostAsync("/public/report", ReportForm(antiforgery, organizationId, kind, cadreName, content, reporterName));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Files a report that must be accepted: the case number and the secret as the slip shows them.</summary>
    public static async Task<(string CaseNumber, string Secret)> FiledAsync(this HttpClient phone, int organizationId, string content, string? cadreName = "王某某")
    {
        var (status, body) = await phone.FileReportAsync(organizationId, cadreName is null ? "Organization" : "Cadre", cadreName, content);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return (CaseNumberOf(body), SecretOf(body));
    }

    public static async Task<(HttpStatusCode Status, string Body)> FollowAsync(this HttpClient phone, string caseNumber, string secret)
    {
        var antiforgery = await phone.AntiforgeryAsync("/public/report/follow");
        var response = await phone.PostAsync("/public/report/follow", FollowForm(antiforgery, caseNumber, secret));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static string CaseNumberOf(string body) => CaseNumberField().Match(body).Groups[1].Value;

    public static string SecretOf(string body) => SecretField().Match(body).Groups[1].Value;

    /// <summary>
    /// A page with its per-request values blanked (the antiforgery token, the script nonce, Blazor's encrypted component
    /// state): what stays the same between two answers of one kind.
    /// </summary>
    public static string WithoutAntiforgery(string body) =>
        ComponentState().Replace(Nonce().Replace(AntiforgeryField().Replace(body, "name=\"__RequestVerificationToken\" value=\"\""), "nonce=\"\""), string.Empty);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ComponentState();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("data-case-number=\"([^\"]+)\"")]
    private static partial Regex CaseNumberField();

    [GeneratedRegex("data-secret=\"([^\"]+)\"")]
    private static partial Regex SecretField();
}
