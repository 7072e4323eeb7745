using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Elections.Voting;

/// <summary>A round made directly in the database (the rounds feature is built elsewhere), with its box.</summary>
public sealed record TestRound(int Id, string BoxKey, IReadOnlyList<string> Candidates, int Seats, int OrganizationId);

/// <summary>Sets up rounds and boxes for the voting tests, and drives the public ballot like a phone would.</summary>
public static partial class VotingSetup
{
    public static readonly string[] Candidates = ["张伟", "王芳", "李娜", "刘洋", "陈静"];

    /// <summary>A formal round of township A (orgadmin.a's scope) with its box, opened unless told otherwise.</summary>
    public static async Task<TestRound> RoundAsync(this AppFixture app, int seats = 3, bool open = true, RoundStatus status = RoundStatus.Open, IReadOnlyList<string>? candidates = null)
    {
        var organizationId = (await app.TownshipsAsync()).A;
        var names = candidates ?? Candidates;
        return await app.WithDbAsync(async db =>
        {
            // One open project per organization (a unique index): close what earlier tests left open here.
            foreach (var open in await db.ElectionProjects.Where(p => p.OrganizationId == organizationId && p.ClosedAt == null).ToListAsync())
            {
                open.ClosedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync();
            var project = new ElectionProject { OrganizationId = organizationId, Title = Demo.UniqueCode("换届选举"), TermNumber = 1, OpenedAt = DateTimeOffset.UtcNow };
            db.ElectionProjects.Add(project);
            await db.SaveChangesAsync();
            var body = new ElectionBody { ProjectId = project.Id, Kind = BodyKind.Committee, Seats = seats, MinExtraPercent = 20 };
            db.ElectionBodies.Add(body);
            await db.SaveChangesAsync();
            var round = new ElectionRound
            {
                ProjectId = project.Id,
                BodyId = body.Id,
                Title = Demo.UniqueCode("委员会选举 "),
                Mode = ElectionMode.Formal,
                Electorate = Electorate.Members,
                Seats = seats,
                CandidatesJson = JsonSerializer.Serialize(names),
                EntitledVoters = 1000,
                VotersPresent = 1000,
                BallotsIssued = 1000,
                Status = status,
            };
            db.ElectionRounds.Add(round);
            await db.SaveChangesAsync();
            var boxes = new BallotBoxService(db);
            boxes.Create(round.BoxKey);
            await db.SaveChangesAsync();
            if (open)
            {
                await boxes.OpenAsync(round.BoxKey);
            }

            return new TestRound(round.Id, round.BoxKey, names, seats, organizationId);
        });
    }

    /// <summary>Issues codes through the API as orgadmin.a.</summary>
    public static async Task<IReadOnlyList<string>> IssueCodesAsync(this AppFixture app, int roundId, int count)
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var issued = await (await client.PostJsonAsync($"/api/v1/elections/rounds/{roundId}/codes", new IssueCodesRequest(count))).ReadAsync<IssuedCodes>();
        Assert.Equal(count, issued.Codes.Count);
        return issued.Codes;
    }

    public static async Task CloseBoxAsync(this AppFixture app, TestRound round)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BallotBoxService>().CloseAsync(round.BoxKey);
    }

    public static async Task<IReadOnlyList<Dangjian.Domain.Secrecy.SecretBallot>> BallotsAsync(this AppFixture app, TestRound round)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BallotBoxService>().BallotsAsync(round.BoxKey);
    }

    /// <summary>A voter's phone: no account, only the antiforgery cookie the ballot page sets.</summary>
    public static HttpClient Phone(this AppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens the ballot and returns the form's antiforgery token.</summary>
    public static async Task<string> OpenBallotAsync(this HttpClient phone, int roundId)
    {
        var response = await phone.GetAsync($"/vote/{roundId}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {page}");
        return Http.AntiforgeryToken(page);
    }

    /// <summary>The ballot as the form posts it: a mark per candidate ("for", "against", "abstain") and write-ins.</summary>
    public static FormUrlEncodedContent BallotForm(string token, string code, IReadOnlyList<string> marks, params string[] writeIns)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "ballot"),
            new("__RequestVerificationToken", token),
            new("code", code),
        };
        fields.AddRange(marks.Select((m, i) => new KeyValuePair<string, string>($"m{i}", m)));
        fields.AddRange(writeIns.Select((w, i) => new KeyValuePair<string, string>($"w{i}", w)));
        return new FormUrlEncodedContent(fields);
    }

    public static async Task<(HttpStatusCode Status, string Body)> VoteAsync(this HttpClient phone, int roundId, string code, IReadOnlyList<string> marks, params string[] writeIns)
    {
        var token = await phone.OpenBallotAsync(roundId);
        var response = await phone.PostAsync($"/vote/{roundId}", BallotForm(token, code, marks, writeIns));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string? Receipt(string body) => ReceiptField().Match(body) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// The page without its antiforgery token, in the form and in Blazor's encrypted copy of it (both fresh on every
    /// render, with a random nonce): what is left is what a reader compares.
    /// </summary>
    /// <summary>A page without what differs by response: its antiforgery token, Blazor's component state and the script nonce.</summary>
    public static string WithoutToken(string body) =>
        ScriptNonce().Replace(
            ComponentState().Replace(AntiforgeryField().Replace(body, "name=\"__RequestVerificationToken\" value=\"\""), "<!--Blazor-Server-Component-State:-->"),
            "nonce=\"\"");

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^-]*-->")]
    private static partial Regex ComponentState();

    [GeneratedRegex("data-receipt=\"([^\"]+)\"")]
    private static partial Regex ReceiptField();
}
