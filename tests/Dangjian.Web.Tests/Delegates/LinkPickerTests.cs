using System.Net;
using System.Security.Claims;
using Dangjian.Data;
using Dangjian.Domain.Delegates;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Delegates.Duties;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Cadres.Selection;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Delegates.DelegatesSetup;

namespace Dangjian.Web.Tests.Delegates;

/// <summary>
/// The pickers of the delegates' pages (the 述职 form's evaluation campaign, the recall vote's election and round): they offer
/// what the term's organization or below holds — which the API then accepts — never another township's, and only to
/// those who manage the term (township B's admin is refused). Run as the page runs them, through the app's services.
/// </summary>
public abstract class LinkPickerTests(AppFixture app)
{
    private const string Activities = Route + "/activities";
    private const string Motions = Route + "/motions";

    private async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName)], "test"));
        return await work(scope.ServiceProvider);
    }

    private Task<int> CampaignAsync(int org, string title) => app.WithDbAsync(async db =>
    {
        var c = new EvaluationCampaign
        {
            OrganizationId = org, Title = title, Year = OrgToday.Value.Year, Kind = CampaignKind.AnnualAssessment, SubjectKind = SubjectKind.Member,
            CriteriaJson = "[]", GradesJson = "[]", ComponentsJson = "{}", VetoGrade = "不合格", Seed = "s",
        };
        db.EvaluationCampaigns.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    [Fact]
    public async Task WorkReportPicker_OffersTheTermsSubtreesCampaigns_WhichLink_NotOneAbove_AndTownshipBIsRefused()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var inside = await CampaignAsync(f.Branch, "支部党员年度民主评议" + Demo.UniqueCode(""));
        var above = await CampaignAsync(f.Township, "乡镇年度考核" + Demo.UniqueCode(""));
        var a = await (await admin.PostJsonAsync(Activities, new RecordActivityRequest(f.TermId, DelegateActivityKind.RegularMeeting, OrgToday.Value.AddDays(-1), "会议室", "述职例会", null))).ReadAsync<ActivityView>();
        var report = await (await admin.PostJsonAsync(Route + "/work-reports", new RecordWorkReportRequest(f.TermId, a.Id, null, "王书记", "党委书记", "履职情况", a.HeldOn))).ReadAsync<WorkReportView>();

        var choices = await AsUserAsync(Demo.OrgAdminA, sp => sp.GetRequiredService<ActivityQueries>().CampaignChoicesAsync(a.Id));
        Assert.Contains(choices, c => c.Id == inside);
        Assert.DoesNotContain(choices, c => c.Id == above);
        var linked = await admin.PostJsonAsync($"{Route}/work-reports/{report.Id}/evaluation", new LinkEvaluationRequest(inside, report.Version));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(inside, (await linked.ReadAsync<WorkReportView>()).EvaluationCampaignId);

        await Assert.ThrowsAsync<ScopeRefusedException>(() => AsUserAsync(Demo.OrgAdminB, sp => sp.GetRequiredService<ActivityQueries>().CampaignChoicesAsync(a.Id)));
    }

    [Fact]
    public async Task RecallVotePickers_OfferTheTermsSubtreesElections_WithTheirRounds_WhichTheVoteCites_AndTownshipBIsRefused()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 6);
        var d = f.Delegates;
        var round = await app.NewRoundAsync(f.Branch, ElectionMode.Formal);
        var project = await app.WithDbAsync(db => db.ElectionRounds.Where(r => r.Id == round).Select(r => r.ProjectId).FirstAsync());
        var elsewhere = await app.NewRoundAsync(f.Township, ElectionMode.Formal);
        var elsewhereProject = await app.WithDbAsync(db => db.ElectionRounds.Where(r => r.Id == elsewhere).Select(r => r.ProjectId).FirstAsync());

        var filed = await d[0].Client.PostJsonAsync(Route + "/mine/motions", new FileMyMotionRequest(
            f.TermId, [d[1].PersonId], MotionKind.Recall, MotionTarget.Delegate, d[5].PersonId, "罢免动议", "理由：长期不履职"));
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var m = await filed.ReadAsync<MotionView>();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        m = await (await admin.PostJsonAsync($"{Motions}/{m.Id}/review", new MotionStepRequest(m.Version))).ReadAsync<MotionView>();
        Assert.Equal(MotionStatus.Accepted, m.Status);

        var elections = await AsUserAsync(Demo.OrgAdminA, sp => sp.GetRequiredService<MotionQueries>().ElectionChoicesAsync(m.Id));
        var offered = Assert.Single(elections, e => e.Id == project);
        Assert.Equal([round], offered.Rounds.Select(r => r.Id));
        Assert.DoesNotContain(elections, e => e.Id == elsewhereProject);

        var voted = await admin.PostJsonAsync($"{Motions}/{m.Id}/vote", new RecordMotionVoteRequest(4, 2, 0, project, round, m.Version));
        Assert.Equal(HttpStatusCode.OK, voted.StatusCode);
        Assert.Equal(project, (await voted.ReadAsync<MotionView>()).ElectionProjectId);

        await Assert.ThrowsAsync<ScopeRefusedException>(() => AsUserAsync(Demo.OrgAdminB, sp => sp.GetRequiredService<MotionQueries>().ElectionChoicesAsync(m.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LinkPickerSqliteTests(SqliteApp app) : LinkPickerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LinkPickerPostgresTests(PostgresApp app) : LinkPickerTests(app);
