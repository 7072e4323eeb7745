using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dangjian.Web.Tests.Meetings.DemocraticLife;

/// <summary>A branch of the test's own under township A or B, with a current three-member leadership team.</summary>
public sealed record DlmBranch(int OrgId, string Name, int[] Team, string[] Names);

/// <summary>Sets up branches and meetings for the democratic life tests, and drives the public opinion form like a phone.</summary>
public static partial class DlmSetup
{
    public const string Route = "/api/v1/meetings/democratic-life";

    public static readonly DateOnly Today = OrgToday.Value;

    /// <summary>
    /// A branch created through the API (so it has its path and audit) by the township's admin, and its team directly in
    /// the database: nobody else's meetings are in its history, so carry-over and quality are the test's own.
    /// </summary>
    public static async Task<DlmBranch> DlmBranchAsync(this AppFixture app, bool townshipB = false)
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(townshipB ? Demo.OrgAdminB : Demo.OrgAdminA);
        var name = "民主生活会测试支部" + Demo.UniqueCode("");
        var org = await (await admin.PostJsonAsync("/api/v1/organizations",
            new CreateOrganizationRequest(Demo.UniqueCode("DLM"), name, OrganizationKind.Branch, townshipB ? t.B : t.A))).ReadAsync<OrganizationDetail>();
        return await app.WithDbAsync(async db =>
        {
            var people = Enumerable.Range(0, 3).Select(i => new Person
            {
                Name = $"班子{i}{Demo.UniqueCode("")}",
                Gender = i % 2 == 0 ? Gender.Male : Gender.Female,
                BirthDate = new DateOnly(1978, 3, 1).AddDays(i),
                Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2003, 7, 1),
                OrganizationId = org.Id,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            db.LeadershipTeams.Add(new LeadershipTeam
            {
                OrganizationId = org.Id,
                TermNumber = 2,
                StartsOn = Today.AddYears(-2),
                EndsOn = Today.AddYears(1),
                Positions = people.Select((p, i) => new TeamPosition
                {
                    PersonId = p.Id,
                    Role = i switch { 0 => TeamRole.Secretary, 1 => TeamRole.DeputySecretary, _ => TeamRole.CommitteeMember },
                }).ToList(),
            });
            await db.SaveChangesAsync();
            return new DlmBranch(org.Id, name, [.. people.Select(p => p.Id)], [.. people.Select(p => p.Name)]);
        });
    }

    public static async Task<CreatedDemocraticLife> CreateMeetingAsync(this HttpClient client, DlmBranch branch, int year, DateOnly? planned = null, string? theme = null)
    {
        var request = new CreateDemocraticLifeRequest(branch.OrgId, year, theme ?? $"{year}年度民主生活会{Demo.UniqueCode("")}", planned ?? Today.AddDays(-3));
        return await (await client.PostJsonAsync(Route, request)).ReadAsync<CreatedDemocraticLife>();
    }

    /// <summary>Confirms 人员、时间、意见到位 one by one and marks the meeting held today.</summary>
    public static async Task<DemocraticLifeView> HoldAsync(this HttpClient client, DemocraticLifeView meeting, DateOnly? on = null)
    {
        var m = meeting;
        foreach (var item in Enum.GetValues<PreparationItem>())
        {
            m = await (await client.PutJsonAsync($"{Route}/{m.Id}/checklist/{item}", new ChecklistRequest(true, m.Version))).ReadAsync<DemocraticLifeView>();
        }

        return await (await client.PostJsonAsync($"{Route}/{m.Id}/held", new HeldRequest(on ?? Today, m.Version))).ReadAsync<DemocraticLifeView>();
    }

    public static async Task<DemocraticLifeView> AddProblemAsync(this HttpClient client, int meetingId, int personId, string text, ProblemKind kind = ProblemKind.SelfCriticism, string? raisedBy = null) =>
        await (await client.PostJsonAsync($"{Route}/{meetingId}/problems", new ProblemRequest(personId, kind, raisedBy, text))).ReadAsync<DemocraticLifeView>();

    public static async Task<DemocraticLifeView> AddMeasureAsync(this HttpClient client, int meetingId, int problemId, string measure, DateOnly deadline, string owner = "责任人") =>
        await (await client.PostJsonAsync($"{Route}/{meetingId}/problems/{problemId}/rectifications", new RectificationRequest(measure, owner, deadline, null))).ReadAsync<DemocraticLifeView>();

    public static async Task<DemocraticLifeView> GetMeetingAsync(this HttpClient client, int id) =>
        await (await client.GetAsync($"{Route}/{id}")).ReadAsync<DemocraticLifeView>();

    public static ProblemView Problem(this DemocraticLifeView m, string text) => m.Members.SelectMany(x => x.Problems).Single(p => p.Text == text);

    public static RectificationView Measure(this DemocraticLifeView m, string measure) =>
        m.Members.SelectMany(x => x.Problems).SelectMany(p => p.Rectifications).Single(r => r.Measure == measure);

    /// <summary>The token at the end of an opinion link.</summary>
    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    /// <summary>A phone: no account, only the antiforgery cookie the form sets.</summary>
    public static HttpClient Phone(this AppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens the public form and returns its antiforgery token.</summary>
    public static async Task<string> OpenFormAsync(this HttpClient phone, string token)
    {
        var response = await phone.GetAsync($"/public/dlm/{token}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {page}");
        return Http.AntiforgeryToken(page);
    }

    public static FormUrlEncodedContent OpinionForm(string antiforgery, string? source, string text) =>
        new([
            new("_handler", "opinion"),
            new("__RequestVerificationToken", antiforgery),
            new("source", source ?? string.Empty),
            new("text", text),
        ]);

    public static async Task<(HttpStatusCode Status, string Body)> SubmitOpinionAsync(this HttpClient phone, string token, string? source, string text)
    {
        var antiforgery = await phone.OpenFormAsync(token);
        var response = await phone.PostAsync($"/public/dlm/{token}", OpinionForm(antiforgery, source, text));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {path}: {html}");
        return WebUtility.HtmlDecode(html);
    }
}
