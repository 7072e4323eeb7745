using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Domain.Elections;
using Dangjian.Domain.People;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Elections.Rounds;

/// <summary>
/// Election projects, bodies and nominees set up directly in the database (the workflow API is built elsewhere), and
/// the round API calls the tests repeat.
/// </summary>
internal static class RoundFixtures
{
    public sealed record Setup(int ProjectId, int BodyId, IReadOnlyList<string> Names);

    /// <summary>
    /// A project for <paramref name="organizationId"/> with one body of <paramref name="seats"/> seats and nominees
    /// named after <paramref name="letters"/> (made unique). <paramref name="passed"/>: all four checks passed;
    /// <paramref name="fixedList"/>: on the list and the list fixed.
    /// </summary>
    public static async Task<Setup> ProjectAsync(
        AppFixture app, int organizationId, int seats, string[] letters, bool passed = true, bool fixedList = true,
        int minExtraPercent = 0, string[]? blocked = null)
    {
        var tag = Demo.UniqueCode("r").Replace("-", string.Empty, StringComparison.Ordinal)[^6..];
        return await app.WithDbAsync(async db =>
        {
            // One open project per organization (a unique index): close what earlier tests left open here.
            foreach (var open in await db.ElectionProjects.Where(p => p.OrganizationId == organizationId && p.ClosedAt == null).ToListAsync())
            {
                open.ClosedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync();
            var project = new ElectionProject { OrganizationId = organizationId, Title = "换届" + tag, TermNumber = 2, OpenedAt = DateTimeOffset.UtcNow };
            var body = new ElectionBody { Kind = BodyKind.Committee, Seats = seats, MinExtraPercent = minExtraPercent, ListFixedAt = fixedList ? DateTimeOffset.UtcNow : null };
            project.Bodies.Add(body);
            db.ElectionProjects.Add(project);
            await db.SaveChangesAsync();

            var names = new List<string>();
            foreach (var (letter, isBlocked) in letters.Select(l => (l, false)).Concat((blocked ?? []).Select(l => (l, true))))
            {
                var idNumber = NewIdNumber(out var gender);
                var person = new Person { Name = letter + tag, OrganizationId = organizationId, Status = MemberStatus.Full, Gender = gender, IdNumber = idNumber, BirthDate = Dangjian.Domain.People.IdNumber.BirthDateOf(idNumber) };
                db.People.Add(person);
                await db.SaveChangesAsync();
                var nominee = new Nominee { ProjectId = project.Id, BodyId = body.Id, PersonId = person.Id, Source = NominationSource.Superior, OnList = fixedList && !isBlocked };
                foreach (var kind in Enum.GetValues<VettingKind>())
                {
                    var result = !passed ? VettingResult.Open : isBlocked && kind == VettingKind.Petitions ? VettingResult.Open : VettingResult.Passed;
                    nominee.Checks.Add(new VettingCheck { Kind = kind, Result = result, CheckedBy = "组织部" });
                }

                db.Nominees.Add(nominee);
                await db.SaveChangesAsync();
                if (!isBlocked)
                {
                    names.Add(person.Name);
                }
            }

            return new Setup(project.Id, body.Id, names);
        });
    }

    public static async Task<JsonElement> CreateRoundAsync(HttpClient client, int projectId, object request)
    {
        var response = await client.PostJsonAsync($"/api/v1/elections/{projectId}/rounds", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }

    public static async Task<JsonElement> RollAsync(HttpClient client, int roundId, int entitled, int present, int issued)
    {
        var round = await client.GetFromJsonAsync<JsonElement>($"/api/v1/elections/rounds/{roundId}");
        var response = await client.PutJsonAsync($"/api/v1/elections/rounds/{roundId}/roll",
            new { entitledVoters = entitled, votersPresent = present, ballotsIssued = issued, version = round.GetProperty("version").GetInt32() });
        return await response.ReadAsync<JsonElement>();
    }

    public static async Task PostAsync(HttpClient client, string url)
    {
        var response = await client.PostAsync(url, null);
        await response.ReadAsync<JsonElement>();
    }

    public static async Task<JsonElement> PaperAsync(HttpClient client, int roundId, int teller, string[] @for, string[]? against = null, string[]? writeIns = null, bool isVoid = false, int? number = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/elections/rounds/{roundId}/paper",
            new { teller, number, @for, against = against ?? [], writeIns = writeIns ?? [], @void = isVoid });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }

    /// <summary>Both tellers enter the same ballots (teller 1 as <paramref name="one"/>, teller 2 as <paramref name="two"/>).</summary>
    public static async Task PaperTwiceAsync(HttpClient one, HttpClient two, int roundId, params string[][] ballots)
    {
        foreach (var b in ballots)
        {
            await PaperAsync(one, roundId, 1, b);
            await PaperAsync(two, roundId, 2, b);
        }
    }

    /// <summary>Casts one electronic ballot through the shared box with a fresh code, as the voting page does; returns the receipt.</summary>
    public static async Task<string> CastAsync(AppFixture app, int roundId, object ballot)
    {
        var key = ElectionRound.BoxKeyFor(roundId);
        await using var scope = app.Services.CreateAsyncScope();
        var box = scope.ServiceProvider.GetRequiredService<Dangjian.Data.Secrecy.BallotBoxService>();
        var code = (await box.IssueCodesAsync(key, 2))[0];
        var cast = await box.CastAsync(key, code, JsonSerializer.Serialize(ballot));
        Assert.Equal(Dangjian.Data.Secrecy.CastOutcome.Accepted, cast.Outcome);
        return cast.Receipt!;
    }

    public static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>A valid ID number (GB 11643) outside the demo district's regions, so rosters and exports treat the person like any other.</summary>
    private static string NewIdNumber(out Gender gender)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 12_000));
        var sequence = Random.Shared.Next(0, 1000);
        gender = sequence % 2 == 1 ? Gender.Male : Gender.Female;
        var first17 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{sequence:000}");
        return first17 + Dangjian.Domain.People.IdNumber.CheckCharacter(first17);
    }
}
