using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Accounts.Permissions;

/// <summary>
/// Issue 18 "Scope and permission matrix", the page half (the API half is <see cref="PermissionTests"/>): generated from
/// the app's page list — every component's <c>@page</c> route, never a hand-kept list — each page is opened by each role of
/// township A that the API test uses (signed in through the real form, so with a cookie as a browser) with its route values
/// filled with township B's records (<see cref="ForeignRecords"/>), and anonymously. A staff page must not show B's record:
/// it answers 403/404, redirects, or renders its own "not found / no access" state, and its prerendered HTML holds neither
/// <see cref="ForeignRecords.Tag"/> (in the name of every record made there) nor the name of B's branch or person it was
/// given. Anonymously, every staff page redirects to sign-in; the public pages are listed below with why each is public,
/// and given B's unpublished records they show none of them.
/// What this cannot see: a page that loads its data only after its circuit attaches (OnAfterRenderAsync) prerenders no
/// data; such a page's data comes from the API, which <see cref="PermissionTests"/> covers. Run on both providers: a page's
/// scope check is a query like the API's, and PostgreSQL's case-sensitive comparisons or its types could answer it otherwise
/// (every page on each: about 50 s each on the 2-core CI machine under load, 2026-12-07).
/// </summary>
public abstract partial class PagePermissionTests(AppFixture app)
{
    /// <summary>The roles of township A the API test uses (<see cref="PermissionTests.CallersOfTownshipA"/>), signed in.</summary>
    private static readonly string[] Roles = [Demo.OrgAdminA, Demo.Secretary, Demo.Member];

    /// <summary>Which of B's records fills each parameterized route: the <see cref="ForeignRecords.Routes"/> key.</summary>
    private static readonly Dictionary<string, string> RouteRecords = new(StringComparer.Ordinal)
    {
        ["/awards/{Id:int}"] = "awards/{id}",
        ["/cadres/accountability/{Id:int}"] = "accountability/{id}",
        ["/cadres/exits/{Id:int}"] = "exits/{id}",
        ["/cadres/reserve/{Id:int}"] = "reserve/{id}",
        ["/cadres/selection/{Id:int}"] = "selection/{id}",
        ["/cadres/selection/{Id:int}/dossier"] = "selection/{id}",
        ["/cadres/supervisors/{Id:int}"] = "cadres:supervisors/{id}",
        ["/commitments/items/{CommitmentId:int}"] = "items/{commitmentId}",
        ["/commitments/{Id:int}"] = "commitments/{id}",
        ["/delegates/activities/{Id:int}"] = "delegates:activities/{activityId}",
        ["/delegates/motions/{Id:int}"] = "delegates:motions/{motionId}",
        ["/delegates/proposals/{Id:int}"] = "delegates:proposals/{proposalId}",
        ["/elections/rounds/{Id:int}"] = "rounds/{id}",
        ["/elections/rounds/{Id:int}/ballot-paper"] = "rounds/{id}",
        ["/elections/rounds/{Id:int}/codes"] = "rounds/{id}",
        ["/elections/rounds/{Id:int}/result-sheet"] = "rounds/{id}",
        ["/elections/{Id:int}"] = "elections/{id}",
        ["/elections/{ProjectId:int}/rounds"] = "elections/{projectId}",
        ["/evaluations/groups/{GroupId:int}/codes"] = "groups/{groupId}",
        ["/evaluations/groups/{GroupId:int}/sample"] = "groups/{groupId}",
        ["/evaluations/secretaries/{PersonId:int}"] = "secretaries/{personId}",
        ["/evaluations/{Id:int}"] = "evaluations/{id}",
        ["/evaluations/{Id:int}/notice"] = "evaluations/{id}",
        ["/evaluations/{Id:int}/results"] = "evaluations/{id}",
        ["/evaluations/{Id:int}/results/print"] = "evaluations/{id}",
        ["/meetings/ballot/{ItemId:int}"] = "items/{itemId}",
        ["/meetings/compliance/{OrganizationId:int}"] = "compliance/{organizationId}",
        ["/meetings/democratic-life/{Id:int}"] = "democratic-life/{id}",
        ["/meetings/democratic-life/{Id:int}/rectifications"] = "democratic-life/{id}",
        ["/meetings/{Id:int}"] = "meetings/{id}",
        ["/meetings/{Id:int}/notice"] = "meetings/{id}",
        ["/meetings/{MeetingId:int}/minutes"] = "meetings/{meetingId}",
        ["/meetings/{MeetingId:int}/minutes/print"] = "meetings/{meetingId}",
        ["/organizations/{Id:int}"] = "organizations/{id}",
        ["/people/{Id:int}"] = "people/{id}",
        ["/reviews/{Id:int}"] = "reviews/{id}",
        ["/reviews/{Id:int}/edit"] = "reviews/{id}",
        ["/reviews/{Id:int}/print"] = "reviews/{id}",
        ["/services/{Id:int}"] = "services:requests/{id}",
        ["/study/compliance/person/{Id:int}"] = "people/{id}",
        ["/supervision/audits/{Id:int}"] = "audits/{id}",
        ["/supervision/notices/{Id:int}"] = "notices/{id}",
        ["/supervision/reports/{Id:guid}"] = "reports/{caseId}",
        ["/surveys/{Id:int}"] = "surveys/{id}",
        ["/surveys/{Id:int}/codes"] = "surveys/{id}",
        ["/theme-education/{Id:int}"] = "theme-education:campaigns/{id}",
        ["/theme-education/{Id:int}/report"] = "theme-education:campaigns/{id}",
        // Public pages.
        ["/public/awards/{Id:int}"] = "awards/{id}",
        ["/public/commitments/{CampaignId:int}/suggest"] = "commitments/{id}",
        ["/public/commitments/{OrganizationId:int}"] = "organizations/{id}",
        ["/public/commitments/{OrganizationId:int}/print"] = "organizations/{id}",
        ["/public/consultations/{Id:int}"] = "consultations/{consultationId}",
        ["/public/disclosures/{OrganizationId:int}"] = "organizations/{id}",
        ["/public/elections/candidates/{NomineeId:int}"] = "nominees/{nomineeId}",
        ["/public/elections/rounds/{Id:int}"] = "rounds/{id}",
        ["/public/elections/{ProjectId:int}/candidates"] = "elections/{projectId}",
        ["/public/evaluations/{groupId:int}"] = "groups/{groupId}",
        ["/public/proposals/{TermId:int}"] = "delegates:terms/{termId}",
        ["/public/selection/{Id:int}"] = "selection/{id}",
        ["/public/surveys/{Id:int}"] = "surveys/{id}",
        ["/vote/{roundId:int}"] = "rounds/{id}",
    };

    /// <summary>
    /// Every page open without an account, and why. Those given a record of B show it only when it is published: B's
    /// records made for this test are drafts (survey, evaluation, round, selection case, consultation), except where said.
    /// </summary>
    private static readonly Dictionary<string, string> PublicPages = new(StringComparer.Ordinal)
    {
        ["/account/login"] = "the sign-in form",
        ["/vote"] = "a voter enters the code of the slip (ELE-13); shows no round until a code is given",
        ["/vote/{roundId:int}"] = "the ballot of an open round, for code holders; B's round is not open",
        ["/meetings/ballot/{ItemId:int}"] = "a meeting's secret ballot on an item, for code holders; B's item has no ballot open",
        ["/public/awards/{Id:int}"] = "an award selection in publicity (公示); B's selection IS publicized, so it may show",
        ["/public/commitments/{CampaignId:int}/suggest"] = "the suggestion box, open to the public while the campaign is in 定 (CMT-1); B's campaign IS in 定, so its title may show",
        ["/public/commitments/{OrganizationId:int}"] = "the published commitment board (公开承诺); B's campaign is not published",
        ["/public/commitments/{OrganizationId:int}/print"] = "the published board, printed; B's campaign is not published",
        ["/public/consultations/{Id:int}"] = "a consultation open for comments (MTG-12); B's consultation IS open (today to 9 days on), so its subject may show",
        ["/public/disclosures/{OrganizationId:int}"] = "the published disclosures (党务公开); B's records made here are none",
        ["/public/dlm/{Token}"] = "the DLM opinion form, by its unguessable link",
        ["/public/elections/candidates/{NomineeId:int}"] = "a published candidate; B's nominee list is not published",
        ["/public/elections/rounds/{Id:int}"] = "a round's published result; B's round is not published",
        ["/public/elections/{ProjectId:int}/candidates"] = "the published candidate list; B's is not published",
        ["/public/evaluations/results/{Token}"] = "an evaluation's published results, by its unguessable link",
        ["/public/evaluations/{groupId:int}"] = "the evaluation form of an open campaign, for code holders; B's campaign is a draft",
        ["/public/proposals/{TermId:int}"] = "a congress term's registered proposals and their answers (DEL-2: public once registered); B's proposal IS registered, so it may show",
        ["/public/report"] = "the report box (举报, SUP-1): anyone files",
        ["/public/report/follow"] = "a reporter follows a case with its number and secret",
        ["/public/selection/{Id:int}"] = "a selection case in publicity; B's case is only opened",
        ["/public/surveys/open/{Token}"] = "an open survey, by its unguessable link",
        ["/public/surveys/{Id:int}"] = "a survey by id for code holders; B's survey is a draft",
    };

    /// <summary>Public pages that may show B's record here because it is published (see <see cref="PublicPages"/>).</summary>
    private static readonly HashSet<string> PublishedHere =
    [
        "/public/awards/{Id:int}", "/public/commitments/{CampaignId:int}/suggest", "/public/consultations/{Id:int}", "/public/proposals/{TermId:int}",
    ];

    /// <summary>
    /// The public board names the newest campaign (its title is public from 定 on, on the suggestion box it links to), never an
    /// item no review approved: B's member commitment, only submitted, must not be on it.
    /// </summary>
    private static readonly Dictionary<string, string[]> UnpublishedOnPublicPage = new(StringComparer.Ordinal)
    {
        ["/public/commitments/{OrganizationId:int}"] = [ForeignRecords.Tag + "承诺", ForeignRecords.Tag + "措施"],
        ["/public/commitments/{OrganizationId:int}/print"] = [ForeignRecords.Tag + "承诺", ForeignRecords.Tag + "措施"],
    };

    [Fact]
    public void ThePublicPages_AreExactlyThoseListed_WithWhy()
    {
        var anonymous = AllPages().Where(p => p.Anonymous).Select(p => p.Template).Order(StringComparer.Ordinal);
        Assert.Equal(PublicPages.Keys.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task EveryPage_AsEachRoleOfTownshipA_OnTownshipBsRecords_ShowsNoneOfThem_AndAnonymouslyStaffPagesRedirectToSignIn()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var b = await ForeignRecords.OfAsync(app);
        var pages = AllPages();
        Assert.True(pages.Count >= 100, $"only {pages.Count} pages found");
        var failures = new List<string>();
        var filled = new List<(string Template, string Path, string[] Forbidden)>();
        foreach (var page in pages)
        {
            var forbidden = new List<string> { ForeignRecords.Tag };
            var path = Parameter().Replace(page.Template, m =>
            {
                if (m.Groups["name"].Value == "Token")
                {
                    return Guid.NewGuid().ToString("N"); // a link nobody was given
                }

                var key = RouteRecords.GetValueOrDefault(page.Template);
                if (key is null || !b.Routes.TryGetValue(key, out var value))
                {
                    failures.Add($"{page.Template}: no record of township B for it; map it in {nameof(RouteRecords)}");
                    return "0";
                }

                return Uri.EscapeDataString(value.Text);
            });
            forbidden.AddRange(await DistinctNamesAsync(page.Template, b));
            filled.Add((page.Template, path, [.. forbidden]));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var parameterized = filled.Count(f => f.Template.Contains('{', StringComparison.Ordinal));
        Assert.True(parameterized >= 60, $"only {parameterized} pages take a record");

        foreach (var role in Roles)
        {
            var client = await app.SignInAsync(role);
            foreach (var (template, path, forbidden) in filled.Where(f => !PublicPages.ContainsKey(f.Template)))
            {
                using var response = await client.GetAsync(path);
                var status = (int)response.StatusCode;
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                if (status >= 500)
                {
                    failures.Add($"{role} GET {path}: {status}");
                }
                else if (status is >= 200 and < 300 && forbidden.FirstOrDefault(f => html.Contains(f, StringComparison.Ordinal)) is { } shown)
                {
                    failures.Add($"{role} GET {path} ({template}): {status} shows township B's \"{shown}\"");
                }
            }
        }

        var anonymous = app.AnonymousClient();
        foreach (var (template, path, _) in filled)
        {
            // The names of organizations are public (every public page is headed by one); B's records are not, unless published.
            using var response = await anonymous.GetAsync(path);
            var status = (int)response.StatusCode;
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (!PublicPages.ContainsKey(template))
            {
                // A staff page: to the sign-in form, before anything of the page is rendered.
                var location = response.Headers.Location?.ToString() ?? string.Empty;
                if (status != 302 || !location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"anonymous GET {path}: {status} {location}, not a redirect to sign-in");
                }
            }
            else if (status >= 500)
            {
                failures.Add($"anonymous GET {path}: {status}");
            }
            else if (!PublishedHere.Contains(template) && status is >= 200 and < 300
                && UnpublishedOnPublicPage.GetValueOrDefault(template, [ForeignRecords.Tag]).FirstOrDefault(f => html.Contains(f, StringComparison.Ordinal)) is { } shown)
            {
                failures.Add($"anonymous GET {path} ({template}): {status} shows township B's unpublished \"{shown}\"");
            }
        }

        // The control: the district admin, whose scope holds township B, is shown B's records on these same pages — so the
        // prerendered HTML does carry a page's record, and its absence above is the scope check at work.
        var district = await app.SignInAsync(Demo.DistrictAdmin);
        var staffPages = filled.Where(f => !PublicPages.ContainsKey(f.Template) && f.Template.Contains('{', StringComparison.Ordinal)).ToList();
        var shownToDistrict = new List<string>();
        foreach (var (template, path, forbidden) in staffPages)
        {
            using var response = await district.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (response.IsSuccessStatusCode && forbidden.Any(f => html.Contains(f, StringComparison.Ordinal)))
            {
                shownToDistrict.Add(template);
            }
        }

        Assert.True(shownToDistrict.Count >= staffPages.Count / 2,
            $"the district admin is shown B's record on only {shownToDistrict.Count} of {staffPages.Count} pages: "
            + string.Join(", ", staffPages.Select(p => p.Template).Except(shownToDistrict)));

        // A published record of B is shown on its public page (so the check above would see one that is not published).
        var award = await anonymous.GetAsync("/public/awards/" + b.Routes["awards/{id}"].Text);
        Assert.Contains(ForeignRecords.Tag, WebUtility.HtmlDecode(await award.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.True(failures.Count == 0, $"{failures.Count} failures in {started.Elapsed}:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
    }

    /// <summary>The names of B's branch or person a page was given, where no other organization or person has that name.</summary>
    private async Task<IEnumerable<string>> DistinctNamesAsync(string template, ForeignRecords b)
    {
        var key = RouteRecords.GetValueOrDefault(template);
        return key switch
        {
            "organizations/{id}" or "compliance/{organizationId}" => await app.WithDbAsync(async db =>
            {
                var name = await db.Organizations.Where(o => o.Id == b.Townships.BranchOfB).Select(o => o.Name).FirstAsync();
                return await db.Organizations.CountAsync(o => o.Name == name) == 1 ? new[] { name } : [];
            }),
            "people/{id}" or "secretaries/{personId}" => await app.WithDbAsync(async db =>
            {
                var name = await db.People.Where(p => p.Id == b.Townships.PersonOfB).Select(p => p.Name).FirstAsync();
                return await db.People.CountAsync(p => p.Name == name) == 1 ? new[] { name } : [];
            }),
            _ => [],
        };
    }

    private sealed record Page(string Template, bool Anonymous);

    /// <summary>
    /// Every routable page of the app and whether it allows anonymous visitors: the components' <c>@page</c> routes, and the
    /// GET endpoints that render a component as a whole page (the public ballot and evaluation form, RazorComponentResult),
    /// from the app's own EndpointDataSource.
    /// </summary>
    private List<Page> AllPages() =>
        [.. typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new Page(r.Template, t.GetCustomAttribute<AllowAnonymousAttribute>() is not null)))
            .Concat(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                    && e.Metadata.GetMetadata<MethodInfo>() is { } handler && RendersPage(handler.ReturnType))
                .Select(e => new Page(e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .DistinctBy(p => p.Template)
            .OrderBy(p => p.Template, StringComparer.Ordinal)];

    private static bool RendersPage(Type returned)
    {
        var result = returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>) ? returned.GetGenericArguments()[0] : returned;
        return typeof(RazorComponentResult).IsAssignableFrom(result)
            || typeof(Dangjian.Web.Features.PublicForms.FormPageResult).IsAssignableFrom(result);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex Parameter();
}

[Collection(SqliteCollection.Name)]
public sealed class PagePermissionSqliteTests(SqliteApp app) : PagePermissionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PagePermissionPostgresTests(PostgresApp app) : PagePermissionTests(app);
