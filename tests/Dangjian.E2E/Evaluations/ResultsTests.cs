using System.Text.Json;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Evaluations;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Evaluations;
using Dangjian.Web.Features.Evaluations.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Evaluations;

/// <summary>
/// EVA-6 … EVA-8 in the browser on township A: a closed campaign's results page with its distribution chart, publicity,
/// an objection filed on the public page at phone width, answered by staff, and the Excel export.
/// </summary>
public sealed class ResultsTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Results_Publicized_ObjectionFiledOnPhoneAndAnswered_Exported() => RunAsync(async page =>
    {
        var campaignId = await ClosedCampaignAsync();
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            await sp.GetRequiredService<ComputeResults>().ComputeAsync(campaignId);
            return 0;
        });

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var results = new EvaluationResultsPage(page);
        await results.OpenAsync(campaignId);
        await Expect(results.DistributionChart.Locator("svg").First).ToBeVisibleAsync();
        await Expect(results.GradeChart).ToBeVisibleAsync();
        await Expect(page.Locator("[data-subject=\"陈一\"]")).ToBeVisibleAsync();
        await PageLayout.ShotAsync(page, "evaluation-results-desktop");

        var path = await results.PublicizeAsync();

        await using (var phoneContext = await App.NewContextAsync(viewport: BrowserApp.Phone))
        {
            var phone = await phoneContext.NewPageAsync();

            // The publicized results fit a phone: nothing to scroll sideways, no header or name broken over lines.
            await phone.GotoAsync(path.TrimStart('/'));
            await PageLayout.ShotAsync(phone, "evaluation-public-phone");
            Assert.Equal(0, await PageLayout.OverflowAsync(phone, "main.public-page"));
            Assert.Empty(await PageLayout.WrappedAsync(phone, ".eva-public-table th, .eva-public-table td"));

            await EvaluationResultsPage.FileObjectionAsync(phone, path, "陈二的组织考察分与实际不符。");
        }

        await results.OpenAsync(campaignId);
        await results.AnswerAsync("陈二的组织考察分与实际不符。", "已复核，考察分无误。");

        var download = await results.ExportAsync();
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    });

    private async Task<int> ClosedCampaignAsync()
    {
        var township = await App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == DemoFacts.OrgAdminA).Select(x => x.OrganizationId).FirstAsync());
        string[] names = ["陈一", "陈二", "陈三"];
        var (campaignId, subjects, boxKey) = await App.WithDbAsync(async db =>
        {
            var campaign = new EvaluationCampaign
            {
                OrganizationId = township,
                Title = $"年度考核 E2E {Guid.NewGuid():N}"[..20],
                Year = 2026,
                Kind = CampaignKind.AnnualAssessment,
                SubjectKind = SubjectKind.Cadre,
                CriteriaJson = CampaignJson.Write(EvaluationCriteria.Default),
                GradesJson = CampaignJson.Write(GradeRule.Annual),
                ComponentsJson = CampaignJson.Write(ComponentWeights.Default),
                VetoGrade = "不称职",
                Seed = "e2e",
                Status = CampaignStatus.Open,
            };
            db.EvaluationCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            var list = names.Select((n, i) => new EvaluationSubject { CampaignId = campaign.Id, Name = n, Order = i, Achievement = 95 - (10 * i), Inspection = 90 }).ToList();
            db.EvaluationSubjects.AddRange(list);
            var group = new EvaluationGroup { CampaignId = campaign.Id, Name = "群众代表", Kind = EvaluatorKind.ResidentRepresentatives, Weight = 1 };
            db.EvaluationGroups.Add(group);
            await db.SaveChangesAsync();
            new BallotBoxService(db).Create(group.BoxKey);
            await db.SaveChangesAsync();
            return (campaign.Id, list.ToDictionary(s => s.Name, s => s.Id), group.BoxKey);
        });

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var boxes = scope.ServiceProvider.GetRequiredService<BallotBoxService>();
            await boxes.OpenAsync(boxKey);
            string[][] labels = [["好", "较好", "一般"], ["好", "一般", "差"], ["较好", "较好", "差"]];
            var codes = await boxes.IssueCodesAsync(boxKey, labels.Length);
            for (var i = 0; i < labels.Length; i++)
            {
                var ratings = names.Select((n, j) => (n, j)).ToDictionary(
                    x => BrowserApp.Invariant(subjects[x.n]),
                    x => new[] { "德", "能", "勤", "绩", "廉", "学" }.ToDictionary(d => d, _ => labels[i][x.j]));
                await boxes.CastAsync(boxKey, codes[i], JsonSerializer.Serialize(new { v = 1, ratings }));
            }

            await boxes.CloseAsync(boxKey);
        }

        await App.WithDbAsync(async db =>
        {
            var c = await db.EvaluationCampaigns.FirstAsync(x => x.Id == campaignId);
            c.Status = CampaignStatus.Closed;
            await db.SaveChangesAsync();
            return 0;
        });
        return campaignId;
    }
}
