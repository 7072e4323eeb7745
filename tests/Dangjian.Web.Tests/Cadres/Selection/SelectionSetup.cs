using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Cadres.Selection;
using Dangjian.Web.Tests.Elections.Rounds;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Cadres.Selection;

/// <summary>
/// What the selection tests start from, written straight through the DbContext where another module owns the record
/// (people, a recommendation round, an agenda item the meeting adopted, certificates), and a case walked through the API.
/// </summary>
public static partial class SelectionSetup
{
    public const string Route = SelectionEndpoints.Route;

    public sealed record World(int Organization, int[] Candidates, int[] Inspectors, int Round, int AgendaItem);

    /// <summary>An organization of its own under <paramref name="parent"/> with people, certified inspectors, a recommendation round and an adopted cadre item.</summary>
    public static async Task<World> WorldAsync(this AppFixture app, int parent)
    {
        var org = await app.NewOrganizationAsync(parent);
        var candidates = await app.NewPeopleAsync(org, "候选", 4);
        var inspectors = await app.NewPeopleAsync(org, "考察", 3);
        await app.CertifyAsync(inspectors[0], OrgToday.Value.AddYears(-1), OrgToday.Value.AddYears(2));
        await app.CertifyAsync(inspectors[1], OrgToday.Value.AddYears(-1), OrgToday.Value.AddYears(2));
        var round = await app.NewRoundAsync(org, ElectionMode.Recommendation);
        var item = await app.NewAgendaItemAsync(org, ItemCategory.Cadre, ItemStatus.Decided, ItemOutcome.Passed);
        return new World(org, candidates, inspectors, round, item);
    }

    public static Task<int[]> NewPeopleAsync(this AppFixture app, int org, string prefix, int count) =>
        app.WithDbAsync(async db =>
        {
            var people = Enumerable.Range(0, count).Select(i => new Person
            {
                Name = prefix + Demo.UniqueCode(string.Empty).Replace("-", string.Empty, StringComparison.Ordinal)[^6..],
                Gender = i % 2 == 0 ? Gender.Male : Gender.Female, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = org,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.Select(p => p.Id).ToArray();
        });

    public static Task<int> CertifyAsync(this AppFixture app, int person, DateOnly exam, DateOnly expires) =>
        app.WithDbAsync(async db =>
        {
            var name = await db.People.Where(p => p.Id == person).Select(p => p.Name).FirstAsync();
            var q = InspectionQualification.Issue(person, name, Demo.UniqueCode("KC"), exam, expires);
            db.InspectionQualifications.Add(q);
            await db.SaveChangesAsync();
            return q.Id;
        });

    public static async Task<int> NewRoundAsync(this AppFixture app, int org, ElectionMode mode)
    {
        var project = await RoundFixtures.ProjectAsync(app, org, 1, ["甲", "乙"], passed: true, fixedList: false);
        return await app.WithDbAsync(async db =>
        {
            var round = new ElectionRound { ProjectId = project.ProjectId, BodyId = project.BodyId, Title = "干部推荐" + mode, Mode = mode, Seats = 1, CandidatesJson = "[]" };
            db.ElectionRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
    }

    public static async Task<int> NewAgendaItemAsync(this AppFixture app, int org, ItemCategory category, ItemStatus status, ItemOutcome? outcome)
    {
        var meeting = await app.NewMeetingAsync(org, OrgToday.Value.AddDays(-1));
        return await app.WithDbAsync(async db =>
        {
            var item = new AgendaItem
            {
                MeetingId = meeting, Order = 1, Title = "研究干部任免事项", Category = category, Status = status, Outcome = outcome,
                EntitledCount = 9, PresentCount = 7, VotesFor = 6, VotesAgainst = 1, VotesAbstain = 0, DecidedAt = DateTimeOffset.UtcNow,
            };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    public static async Task<SelectionCaseView> OkAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<SelectionCaseView>(body, Http.Json)!;
    }

    public static Task<SelectionCaseView> OpenAsync(this HttpClient client, World w, int posts = 1) =>
        client.PostJsonAsync(Route, new OpenSelectionRequest(w.Organization, "镇党委委员", posts, "正科级，45 周岁以下，大学本科以上学历")).OkAsync();

    /// <summary>A case walked to <paramref name="phase"/> by township A's admin, one step after another.</summary>
    public static async Task<SelectionCaseView> WalkAsync(this HttpClient client, World w, SelectionPhase phase)
    {
        var c = await client.OpenAsync(w);
        string R(string step) => $"{Route}/{c.Id}/{step}";
        if (phase == SelectionPhase.Called)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("talk-recommendations"), new TalkRecommendationRequest(c.Version, "老党员王德明", w.Candidates[0])).OkAsync();
        c = await client.PostJsonAsync(R("meeting-recommendation"), new MeetingRecommendationRequest(c.Version, w.Round)).OkAsync();
        if (phase == SelectionPhase.Recommended)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("shortlist"), new ShortlistRequest(c.Version, [w.Candidates[0], w.Candidates[1]])).OkAsync();
        if (phase == SelectionPhase.Shortlisted)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("inspection"), new StartInspectionRequest(c.Version, OrgToday.Value, [w.Inspectors[0], w.Inspectors[1]])).OkAsync();
        if (phase == SelectionPhase.Inspecting)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("inspection/methods"), new InspectionMethodRequest(c.Version, InspectionMethod.IndividualTalks, "个别谈话 23 人")).OkAsync();
        foreach (var person in w.Candidates.Take(2))
        {
            c = await client.PostJsonAsync(R("inspection/circles"), new CircleFindingRequest(c.Version, person, InspectionCircle.Life, "邻里反映良好，家风正")).OkAsync();
            c = await client.PostJsonAsync(R("inspection/circles"), new CircleFindingRequest(c.Version, person, InspectionCircle.Social, "交往正常，未发现不良嗜好")).OkAsync();
            c = await client.PostJsonAsync(R("inspection/findings"), new CandidateFindingRequest(c.Version, person, "政治坚定，实绩突出，群众公认")).OkAsync();
        }

        c = await client.PostJsonAsync(R("inspection/complete"), new VersionRequest(c.Version)).OkAsync();
        if (phase == SelectionPhase.Inspected)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("decision"), new DecisionRequest(c.Version, w.AgendaItem, [w.Candidates[0]])).OkAsync();
        if (phase == SelectionPhase.Decided)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("publicity"), new StartPublicityRequest(c.Version, OrgToday.Value)).OkAsync();
        if (phase == SelectionPhase.InPublicity)
        {
            return c;
        }

        c = await client.PostJsonAsync(R("appointment"), new AppointRequest(c.Version, c.PublicityLastDay!.Value.AddDays(1))).OkAsync();
        return c;
    }

    /// <summary>A phone: no account, only the antiforgery cookie the form sets.</summary>
    public static HttpClient Phone(this AppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<(HttpStatusCode Status, string Body)> ObjectAsync(this HttpClient phone, int caseId, string text, string? name = null)
    {
        var page = await phone.GetStringAsync($"/public/selection/{caseId}");
        var token = Http.AntiforgeryToken(page);
        var response = await phone.PostAsync($"/public/selection/{caseId}", new FormUrlEncodedContent(
        [
            new("_handler", "objection"),
            new("__RequestVerificationToken", token),
            new("text", text),
            new("name", name ?? string.Empty),
        ]));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
