using System.Net;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Web.Tests.Elections.Projects;

/// <summary>
/// What the workflow does once voting has begun for a body (rounds are another module's; here they are written to the
/// database directly): the stage moves to Meeting and Published, a list can no longer be unfixed, and a proven report
/// against a listed candidate leaves the list as it is and warns.
/// </summary>
public abstract class ElectionRoundFactsTests(AppFixture app)
{
    private static DateOnly Today => OrgToday.Value;

    [Fact]
    public async Task WithARound_StageIsMeeting_ThenPublished_UnfixRefused_ProvenReportWarns()
    {
        var branch = await app.BranchAsync(3);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 2));
        var body = project.Bodies.Single();
        var nominees = new List<NomineeView>();
        foreach (var person in branch.Members)
        {
            nominees.Add(await client.VetAsync(project.Id, await client.NominateAsync(project.Id, body.Id, person)));
        }

        var fixedProject = await (await client.PostJsonAsync($"/api/v1/elections/{project.Id}/bodies/{body.Id}/list",
            new FixListRequest(nominees.Select(n => n.Id).ToList(), body.Version))).ReadAsync<ProjectView>();
        var roundId = await app.WithDbAsync(async db =>
        {
            var round = new ElectionRound { ProjectId = project.Id, BodyId = body.Id, Title = "委员选举", Mode = ElectionMode.Formal, Seats = 2, Status = RoundStatus.Draft };
            db.ElectionRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

        var meeting = await (await client.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>();
        Assert.Equal(ElectionStage.Meeting, meeting.Stage);
        var unfix = await client.DeleteAsync($"/api/v1/elections/{project.Id}/bodies/{body.Id}/list?version={fixedProject.Bodies.Single().Version}");
        Assert.Contains("bodyId", (await unfix.ProblemErrorsAsync()).Keys);

        var url = $"/api/v1/elections/{project.Id}/reports";
        var report = (await (await client.PostJsonAsync(url, new ReportRequest(Today, "反映其拉票", nominees[1].Id))).ReadAsync<List<ReportView>>()).Single();
        report = (await (await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Investigating, null, null, report.Version))).ReadAsync<List<ReportView>>()).Single();
        report = (await (await client.PutJsonAsync($"{url}/{report.Id}/stage", new ReportStageRequest(ReportStage.Proven, "查实", Today, report.Version))).ReadAsync<List<ReportView>>()).Single();
        Assert.True(report.OnListWithRound);
        var after = await (await client.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>();
        Assert.NotNull(after.Bodies.Single().ListFixedAt);
        var disqualified = await (await client.GetAsync($"/api/v1/elections/{project.Id}/nominees/{nominees[1].Id}")).ReadAsync<NomineeView>();
        Assert.Equal(report.Id, disqualified.DisqualifiedByReportId);

        await app.WithDbAsync(async db =>
        {
            var round = await db.ElectionRounds.FindAsync(roundId);
            round!.Status = RoundStatus.Published;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(ElectionStage.Published, (await (await client.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>()).Stage);
        var published = await (await client.GetAsync("/api/v1/elections?stage=Published&pageSize=200")).ReadAsync<Features.Common.Paged<ProjectRow>>();
        Assert.Contains(published.Items, r => r.Id == project.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/public/elections/candidates/{nominees[0].Id}")).StatusCode);
    }

    [Fact]
    public void Options_DifferentialPercentFromConfiguration_OverridesTheDefault_ForThatBodyOnly()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elections:DifferentialPercent:Committee"] = "25",
        }).Build();

        var options = config.GetSection(ElectionOptions.Section).Get<ElectionOptions>()!;

        Assert.Equal(25, options.PercentFor(BodyKind.Committee));
        Assert.Equal(DifferentialRule.Defaults[BodyKind.Delegates], options.PercentFor(BodyKind.Delegates));
        Assert.Equal(0, options.PercentFor(BodyKind.Secretary));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ElectionRoundFactsSqliteTests(SqliteApp app) : ElectionRoundFactsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ElectionRoundFactsPostgresTests(PostgresApp app) : ElectionRoundFactsTests(app);
