using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Evaluations.Results;

/// <summary>An evaluator group of a test campaign: its name, kind, weight and the ballots cast in its box.</summary>
public sealed record TestGroup(string Name, EvaluatorKind Kind, decimal Weight, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Ballots);

/// <summary>A subject of a test campaign with its scores and vetoes.</summary>
public sealed record TestSubject(string Name, decimal? Achievement = null, decimal? Inspection = null, string? VetoItems = null);

public sealed record TestCampaign(int Id, IReadOnlyDictionary<string, int> Subjects, IReadOnlyDictionary<string, int> Groups);

/// <summary>
/// Builds closed campaigns directly in the database (campaign setup is another feature): groups with ballot boxes that
/// are opened, given codes, cast into with response JSON and closed through the one BallotBoxService.
/// </summary>
public static partial class ResultsSetup
{
    public static readonly string[] Dimensions = ["德", "能", "勤", "绩", "廉", "学"];

    /// <summary>A response rating every default dimension with the same label.</summary>
    public static IReadOnlyDictionary<string, string> All(string label) => Dimensions.ToDictionary(d => d, _ => label);

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Ballot(params (string Subject, IReadOnlyDictionary<string, string> Ratings)[] ratings) =>
        ratings.ToDictionary(r => r.Subject, r => r.Ratings);

    public static async Task<TestCampaign> CampaignAsync(
        this AppFixture app, int organizationId, IReadOnlyList<TestSubject> subjects, IReadOnlyList<TestGroup> groups,
        CampaignKind kind = CampaignKind.AnnualAssessment, CampaignStatus status = CampaignStatus.Closed)
    {
        var member = kind == CampaignKind.MemberReview;
        var (campaignId, subjectIds, groupIds) = await app.WithDbAsync(async db =>
        {
            var campaign = new EvaluationCampaign
            {
                OrganizationId = organizationId,
                Title = Demo.UniqueCode("年度考核"),
                Year = 2026,
                Kind = kind,
                SubjectKind = member ? SubjectKind.Member : SubjectKind.Cadre,
                CriteriaJson = CampaignJson.Write(member ? EvaluationCriteria.MemberReview : EvaluationCriteria.Default),
                GradesJson = CampaignJson.Write(member ? GradeRule.MemberReview : GradeRule.Annual),
                ComponentsJson = CampaignJson.Write(member ? ComponentWeights.DemocraticOnly : ComponentWeights.Default),
                VetoGrade = member ? "不合格" : "不称职",
                OpensAt = DateTimeOffset.UtcNow.AddDays(-3),
                ClosesAt = DateTimeOffset.UtcNow.AddDays(-1),
                Seed = "seed",
                Status = CampaignStatus.Open,
            };
            db.EvaluationCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            var subjectEntities = subjects.Select((s, i) => new EvaluationSubject
            {
                CampaignId = campaign.Id,
                Name = s.Name,
                Order = i,
                Achievement = s.Achievement,
                Inspection = s.Inspection,
                VetoItems = s.VetoItems,
            }).ToList();
            db.EvaluationSubjects.AddRange(subjectEntities);
            var groupEntities = groups.Select((g, i) => new EvaluationGroup { CampaignId = campaign.Id, Name = g.Name, Kind = g.Kind, Weight = g.Weight, Order = i }).ToList();
            db.EvaluationGroups.AddRange(groupEntities);
            await db.SaveChangesAsync();
            var boxes = new BallotBoxService(db);
            foreach (var g in groupEntities)
            {
                boxes.Create(g.BoxKey);
            }

            await db.SaveChangesAsync();
            return (campaign.Id, subjectEntities.ToDictionary(s => s.Name, s => s.Id), groupEntities.ToDictionary(g => g.Name, g => g.Id));
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var boxes = scope.ServiceProvider.GetRequiredService<BallotBoxService>();
            foreach (var g in groups)
            {
                var key = EvaluationGroup.BoxKeyFor(groupIds[g.Name]);
                await boxes.OpenAsync(key);
                if (g.Ballots.Count > 0)
                {
                    var codes = await boxes.IssueCodesAsync(key, g.Ballots.Count);
                    for (var i = 0; i < g.Ballots.Count; i++)
                    {
                        var ratings = g.Ballots[i].ToDictionary(r => subjectIds[r.Key].ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Value);
                        var content = JsonSerializer.Serialize(new { v = 1, ratings });
                        Assert.Equal(CastOutcome.Accepted, (await boxes.CastAsync(key, codes[i], content)).Outcome);
                    }
                }

                await boxes.CloseAsync(key);
            }
        }

        await app.WithDbAsync(async db =>
        {
            var c = await db.EvaluationCampaigns.FirstAsync(x => x.Id == campaignId);
            c.Status = status;
            await db.SaveChangesAsync();
            return 0;
        });
        return new TestCampaign(campaignId, subjectIds, groupIds);
    }

    /// <summary>Someone on a phone: no account, only the antiforgery cookie the page sets.</summary>
    public static HttpClient Phone(this AppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<(HttpStatusCode Status, string Body)> FileObjectionAsync(this HttpClient phone, string path, string text, int? subjectId = null, string name = "", string contact = "")
    {
        var page = await phone.GetStringAsync(path);
        var token = Http.AntiforgeryToken(page);
        Assert.False(string.IsNullOrEmpty(token), "the public page has no form");
        var response = await phone.PostAsync(path, new FormUrlEncodedContent([
            new("_handler", "objection"),
            new("__RequestVerificationToken", token),
            new("subjectId", subjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            new("text", text),
            new("filedBy", name),
            new("contact", contact),
        ]));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
