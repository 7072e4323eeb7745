using System.Net;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Results;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Exports;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Evaluations.Results.ResultsSetup;

namespace Dangjian.Web.Tests.Evaluations.Results;

public abstract class ResultsTests(AppFixture app)
{
    private async Task<int> TownshipAAsync() => (await app.TownshipsAsync()).A;

    private async Task<CampaignResultsView> ComputeAsync(HttpClient client, int campaignId)
    {
        var response = await client.PostAsync($"/api/v1/evaluations/{campaignId}/results/compute", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CampaignResultsView>();
    }

    /// <summary>One group weighing 1 with one ballot rating every subject 好: democratic 100 for all.</summary>
    private static TestGroup OneGroupAllGood(params string[] subjects) =>
        new("干部职工", EvaluatorKind.Staff, 1m, [Ballot([.. subjects.Select(s => (s, All("好")))])]);

    [Fact]
    public async Task Compute_KnownResponses_EqualHandComputedValues()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(),
            [new("甲", 90, 80), new("乙", 70, 60), new("丙", 50, 50)],
            [
                new("班子成员", EvaluatorKind.TeamMembers, 0.3m, [Ballot(("甲", All("好")), ("乙", All("一般"))), Ballot(("甲", All("较好")), ("乙", All("一般")))]),
                new("干部职工", EvaluatorKind.Staff, 0.4m, [Ballot(("甲", All("好")), ("乙", All("差")))]),
                new("群众代表", EvaluatorKind.ResidentRepresentatives, 0.3m, []),
            ]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var view = await ComputeAsync(client, campaign.Id);

        // 甲: 班子成员 (100 + 80) / 2 = 90, 干部职工 100, 群众代表 no responses: weights 0.3 and 0.4 re-normalized.
        var demA = ((0.3m * 90) + (0.4m * 100)) / (0.3m + 0.4m);
        var a = view.Results.Single(r => r.Name == "甲");
        Assert.Equal(demA, a.Democratic);
        Assert.Equal((0.4m * 90) + (0.4m * demA) + (0.2m * 80), a.Composite);
        Assert.Equal("优秀", a.ThresholdGrade);
        Assert.Equal("称职", a.Grade); // 3 subjects: floor(0.6) = 0 places for 优秀
        Assert.True(a.DemotedByQuota);
        Assert.Equal(1, a.Rank);
        var team = a.Groups.Single(g => g.Name == "班子成员");
        Assert.Equal(2, team.Responses);
        Assert.Equal(6, team.Counts["好"]);
        Assert.Equal(6, team.Counts["较好"]);
        Assert.Null(a.Groups.Single(g => g.Name == "群众代表").Score);

        var demB = ((0.3m * 60) + (0.4m * 40)) / (0.3m + 0.4m);
        var b = view.Results.Single(r => r.Name == "乙");
        Assert.Equal(demB, b.Democratic);
        Assert.Equal("不称职", b.Grade);
        Assert.True(b.BlocksPromotion);

        var c = view.Results.Single(r => r.Name == "丙");
        Assert.Equal(0m, c.Democratic);
        Assert.Equal((0.4m * 50) + (0.2m * 50), c.Composite);
        Assert.Equal(3, c.Rank);
        Assert.Equal(2, view.Groups.Single(g => g.Name == "班子成员").ResponsesCast);
        Assert.False(view.Stale);
        Assert.Equal(2, view.GradeDistribution.Single(g => g.Grade == "不称职").Count);
    }

    [Fact]
    public async Task Compute_FiveSubjectsAllAboveNinety_OneKeepsExcellent()
    {
        string[] names = ["一", "二", "三", "四", "五"];
        var campaign = await app.CampaignAsync(await TownshipAAsync(),
            [.. names.Select((n, i) => new TestSubject(n, 99 - i, 95))], [OneGroupAllGood(names)]);
        var view = await ComputeAsync(await app.ClientForAsync(Demo.OrgAdminA), campaign.Id);

        Assert.Equal(["一"], view.Results.Where(r => r.Grade == "优秀").Select(r => r.Name));
        Assert.True(view.Results.Single(r => r.Name == "一").AwardEligible);
        Assert.All(view.Results.Where(r => r.Name != "一"), r => Assert.True(r.DemotedByQuota && r.Grade == "称职"));
    }

    [Fact]
    public async Task Compute_VetoedTopScorer_GetsVetoGradeAndTakesNoPlace()
    {
        string[] names = ["一", "二", "三", "四", "五"];
        var campaign = await app.CampaignAsync(await TownshipAAsync(),
            [.. names.Select((n, i) => new TestSubject(n, 99 - i, 95, i == 0 ? "中心任务未完成 — 未完成年度招商任务" : null))], [OneGroupAllGood(names)]);
        var view = await ComputeAsync(await app.ClientForAsync(Demo.OrgAdminA), campaign.Id);

        var top = view.Results.Single(r => r.Name == "一");
        Assert.Equal(1, top.Rank);
        Assert.True(top.Vetoed);
        Assert.Equal("不称职", top.Grade);
        Assert.False(top.AwardEligible);
        Assert.Equal("中心任务未完成", Assert.Single(top.Vetoes).Item);
        Assert.Equal("优秀", view.Results.Single(r => r.Name == "二").Grade);
    }

    [Fact]
    public async Task SetScores_BadValues_NameEachField_AndOldVersionConflicts()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(), [new("甲", 90, 80)], [OneGroupAllGood("甲")]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var id = campaign.Subjects["甲"];

        var bad = await client.PutJsonAsync($"/api/v1/evaluations/subjects/{id}/scores", new SubjectScoresRequest(-1, 100.5m, [new VetoEntry("没有这一项", null)], 0));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.ProblemErrorsAsync();
        Assert.Contains("achievement", errors.Keys);
        Assert.Contains("inspection", errors.Keys);
        Assert.Contains("vetoes[0].item", errors.Keys);

        var decimals = await client.PutJsonAsync($"/api/v1/evaluations/subjects/{id}/scores", new SubjectScoresRequest(88.123m, 80, [], 0));
        Assert.Equal(HttpStatusCode.BadRequest, decimals.StatusCode);
        Assert.Equal(["achievement"], (await decimals.ProblemErrorsAsync()).Keys);

        var ok = await client.PutJsonAsync($"/api/v1/evaluations/subjects/{id}/scores", new SubjectScoresRequest(88.12m, 100, [new VetoEntry("发生重大安全稳定事件", "6月火灾")], 0));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.ReadAsync<SubjectScoresView>();
        Assert.Equal(88.12m, saved.Achievement);
        Assert.Equal(1, saved.Version);
        Assert.Equal("6月火灾", Assert.Single(saved.Vetoes).Note);

        var stale = await client.PutJsonAsync($"/api/v1/evaluations/subjects/{id}/scores", new SubjectScoresRequest(10, 10, [], 0));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(88.12m, await app.WithDbAsync(db => db.EvaluationSubjects.Where(s => s.Id == id).Select(s => s.Achievement).FirstAsync()));
    }

    [Fact]
    public async Task ScoreChange_AfterCompute_MarksResultsStale()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(), [new("甲", 90, 80)], [OneGroupAllGood("甲")]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await ComputeAsync(client, campaign.Id);
        await client.PutJsonAsync($"/api/v1/evaluations/subjects/{campaign.Subjects["甲"]}/scores", new SubjectScoresRequest(70, 80, [], 0));
        Assert.True((await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/results")).ReadAsync<CampaignResultsView>()).Stale);
        var refused = await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/publicity", new PublicizeRequest(null, null, 0));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False((await ComputeAsync(client, campaign.Id)).Stale);
    }

    [Fact]
    public async Task Import_BadRows_NamedAndNothingChanged()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(), [new("甲", 10, 10), new("乙", 20, 20)], [OneGroupAllGood("甲", "乙")]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var template = await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/scores/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var templateRows = MiniExcel.Query(await template.Content.ReadAsStreamAsync(), useHeaderRow: false).ToList();
        Assert.Equal(3, templateRows.Count);

        var bad = await ImportAsync(client, campaign.Id, [
            ["对象", "实绩", "组织考察"],
            ["甲", 91.5, 88],
            ["丁", 80, 80],
            ["乙", 120, "abc"],
            ["甲", 70, 70],
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.ProblemErrorsAsync();
        Assert.Contains("rows[3].name", errors.Keys);        // unknown subject
        Assert.Contains("rows[4].achievement", errors.Keys); // out of range
        Assert.Contains("rows[4].inspection", errors.Keys);  // not a number
        Assert.Contains("rows[5].name", errors.Keys);        // duplicate
        Assert.DoesNotContain("rows[2].name", errors.Keys);
        var unchanged = await app.WithDbAsync(db => db.EvaluationSubjects.Where(s => s.CampaignId == campaign.Id).OrderBy(s => s.Order).Select(s => s.Achievement).ToListAsync());
        Assert.Equal([10m, 20m], unchanged);

        var good = await ImportAsync(client, campaign.Id, [["对象", "实绩", "组织考察"], ["甲", 91.5, 88], ["乙", 75.25, ""]]);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var after = await app.WithDbAsync(db => db.EvaluationSubjects.Where(s => s.CampaignId == campaign.Id).OrderBy(s => s.Order).Select(s => new { s.Achievement, s.Inspection }).ToListAsync());
        Assert.Equal(91.5m, after[0].Achievement);
        Assert.Equal(88m, after[0].Inspection);
        Assert.Equal(75.25m, after[1].Achievement);
        Assert.Equal(20m, after[1].Inspection); // a blank cell leaves the score as it was
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, int campaignId, object[][] rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), Value: v)).ToDictionary(x => x.Key, x => x.Value)), printHeader: false);
        var content = new ByteArrayContent(sheet.ToArray());
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return await client.PostAsync($"/api/v1/evaluations/{campaignId}/scores/import", content);
    }

    [Fact]
    public async Task Publicity_ObjectionAnswered_FinalizedOnlyAfterPeriod()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(), [new("甲", 90, 80), new("乙", 70, 70)], [OneGroupAllGood("甲", "乙")]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var view = await ComputeAsync(client, campaign.Id);

        var shortPeriod = await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/publicity", new PublicizeRequest(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24), view.Campaign.Version));
        Assert.Equal(HttpStatusCode.BadRequest, shortPeriod.StatusCode);
        Assert.Contains("to", (await shortPeriod.ProblemErrorsAsync()).Keys);

        var publicized = await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/publicity", new PublicizeRequest(null, null, view.Campaign.Version));
        Assert.Equal(HttpStatusCode.OK, publicized.StatusCode);
        var link = await publicized.ReadAsync<PublicityLink>();
        Assert.True(link.To > link.From);
        var hash = await app.WithDbAsync(db => db.EvaluationCampaigns.Where(c => c.Id == campaign.Id).Select(c => c.PublicTokenHash).FirstAsync());
        Assert.Equal(Dangjian.Domain.Secrecy.PublicLinkToken.Hash(link.Token), hash);
        Assert.NotEqual(link.Token, hash);

        var phone = app.Phone();
        var page = await phone.GetStringAsync(link.Path);
        Assert.Contains("data-subject=\"甲\"", page, StringComparison.Ordinal);
        Assert.Contains("data-grade=\"称职\"", page, StringComparison.Ordinal);

        var empty = await phone.FileObjectionAsync(link.Path, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        Assert.Contains("data-field=\"text\"", empty.Body, StringComparison.Ordinal);
        var filed = await phone.FileObjectionAsync(link.Path, "乙的实绩分偏低，请核实。", campaign.Subjects["乙"]);
        Assert.Equal(HttpStatusCode.OK, filed.Status);
        Assert.Contains("data-outcome=\"accepted\"", filed.Body, StringComparison.Ordinal);

        var objections = await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/objections?unanswered=true")).ReadAsync<List<ObjectionView>>();
        var objection = Assert.Single(objections);
        Assert.Equal("乙", objection.SubjectName);
        Assert.Null(objection.FiledBy);

        // Unsigned: kept to the day (midnight where the organization is) and not in the audit log as it came.
        Assert.Equal(TimeSpan.Zero, OrgTimeZone.Default.ToLocal(objection.FiledAt).TimeOfDay);
        var objectionKey = objection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "EvaluationObjection" && a.EntityId == objectionKey)));

        // RPT-2: the objections export as the section lists them: the unsigned one by its day only, with no name.
        var sheet = Assert.Single(await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/objections/export?unanswered=true")).RowsAsync());
        Assert.Equal(("乙", "乙的实绩分偏低，请核实。", "匿名"), (sheet["对象"], sheet["异议内容"], sheet["提出人"]));
        Assert.Equal(OrgTimeZone.Default.FormatDate(objection.FiledAt), sheet["提出时间"]);

        var current = await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/results")).ReadAsync<CampaignResultsView>();
        var early = await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/finalize", new VersionRequest(current.Campaign.Version));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var missing = await early.ProblemErrorsAsync();
        Assert.Contains("publicityTo", missing.Keys);
        Assert.Contains("objections", missing.Keys);

        var answered = await client.PutJsonAsync($"/api/v1/evaluations/objections/{objection.Id}/answer", new AnswerObjectionRequest("经核实，实绩分无误。", objection.Version));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(Demo.OrgAdminA, (await answered.ReadAsync<ObjectionView>()).AnsweredBy);
        Assert.Empty(await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/objections/export?unanswered=true")).RowsAsync());
        Assert.Equal("经核实，实绩分无误。", Assert.Single(await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/objections/export")).RowsAsync())["答复"]);

        // What the public sees during 公示 is what is finalized: scores are locked once publicized.
        var during = await client.PutJsonAsync($"/api/v1/evaluations/subjects/{campaign.Subjects["乙"]}/scores", new SubjectScoresRequest(95, 95, [], 0));
        Assert.Equal(HttpStatusCode.BadRequest, during.StatusCode);
        Assert.Contains("status", (await during.ProblemErrorsAsync()).Keys);
        Assert.Equal(70m, await app.WithDbAsync(db => db.EvaluationSubjects.Where(x => x.Id == campaign.Subjects["乙"]).Select(x => x.Achievement).FirstAsync()));

        var stillEarly = await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/finalize", new VersionRequest(current.Campaign.Version));
        Assert.Equal(["publicityTo"], (await stillEarly.ProblemErrorsAsync()).Keys);

        // The period passes.
        await app.WithDbAsync(async db =>
        {
            var c = await db.EvaluationCampaigns.FirstAsync(x => x.Id == campaign.Id);
            c.PublicityFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
            c.PublicityTo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            await db.SaveChangesAsync();
            return 0;
        });
        var closed = await phone.FileObjectionAsync(link.Path, "迟到的异议");
        Assert.Equal(HttpStatusCode.Conflict, closed.Status);
        current = await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/results")).ReadAsync<CampaignResultsView>();
        var finalized = await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/finalize", new VersionRequest(current.Campaign.Version));
        Assert.Equal(HttpStatusCode.NoContent, finalized.StatusCode);
        Assert.Equal(CampaignStatus.Finalized, await app.WithDbAsync(db => db.EvaluationCampaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).FirstAsync()));
        var afterwards = await client.PutJsonAsync($"/api/v1/evaluations/subjects/{campaign.Subjects["甲"]}/scores", new SubjectScoresRequest(1, 1, [], 0));
        Assert.Equal(HttpStatusCode.BadRequest, afterwards.StatusCode);
    }

    [Fact]
    public async Task Export_OpensWithOneRowPerSubject()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(), [new("甲", 90, 80), new("乙", 70, 70), new("丙", 60, 60)], [OneGroupAllGood("甲", "乙", "丙")]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await ComputeAsync(client, campaign.Id);
        var response = await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/results/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("甲", rows[0]["对象"]);
        Assert.Equal(1d, Convert.ToDouble(rows[0]["名次"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(rows[0].ContainsKey("干部职工 得分"));
        Assert.Equal("称职", rows[0]["等次"]);

        var dims = await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/results/dimensions/export");
        using var dimFile = new MemoryStream(await dims.Content.ReadAsByteArrayAsync());
        var dimRows = MiniExcel.Query(dimFile, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(100d, Convert.ToDouble(dimRows[0]["德"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Compute_HeavyResidentCriticism_NotAwardEligible()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(),
            [new("甲", 100, 100), new("乙", 100, 100), new("丙", 50, 50), new("丁", 50, 50), new("戊", 50, 50)],
            [
                new("干部职工", EvaluatorKind.Staff, 0.5m, [Ballot(("甲", All("好")), ("乙", All("好")), ("丙", All("好")), ("丁", All("好")), ("戊", All("好")))]),
                new("群众代表", EvaluatorKind.ResidentRepresentatives, 0.5m, [
                    Ballot(("甲", All("差")), ("乙", All("好"))),
                    Ballot(("甲", All("差")), ("乙", All("差"))),
                    Ballot(("甲", All("好")), ("乙", All("好"))),
                ]),
            ]);
        var view = await ComputeAsync(await app.ClientForAsync(Demo.OrgAdminA), campaign.Id);
        var a = view.Results.Single(r => r.Name == "甲");
        Assert.True(a.ResidentCriticism); // 2/3 of its 群众代表 ratings are 差, more than a third
        Assert.False(a.AwardEligible);
        Assert.True(a.BlocksPromotion); // a cadre: 反响不好的干部坚决不予提拔重用
        var b = view.Results.Single(r => r.Name == "乙");
        Assert.False(b.ResidentCriticism); // exactly a third is not more than a third
        Assert.Equal(1m / 3m, b.ResidentWorstShare);

        // The API and the stored detail keep the names they had before 群众 was named Resident in the code.
        var json = await (await (await app.ClientForAsync(Demo.OrgAdminA)).GetAsync($"/api/v1/evaluations/{campaign.Id}/results")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal(1m / 3m, json.GetProperty("massCriticismShare").GetDecimal());
        var first = json.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "甲");
        Assert.True(first.GetProperty("massCriticism").GetBoolean());
        Assert.True(first.TryGetProperty("massWorstShare", out _));
        var detail = await app.WithDbAsync(db => db.EvaluationResults.Where(r => r.CampaignId == campaign.Id).Select(r => r.DetailJson).FirstAsync());
        Assert.Contains("\"massCriticism\":", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_MemberReview_ExcellentCappedAndFollowUpsForLastTwoGrades()
    {
        var (campaign, client, view) = await MemberReviewAsync();
        Assert.Equal(["党员一", "党员二"], view.Results.Where(r => r.Grade == "优秀").Select(r => r.Name).Order());
        Assert.Equal("合格", view.Results.Single(r => r.Name == "党员三").Grade); // 90 reaches 优秀, but 6 members give 2 places
        Assert.True(view.Results.Single(r => r.Name == "党员三").DemotedByQuota);
        Assert.Equal("基本合格", view.Results.Single(r => r.Name == "党员五").Grade);
        Assert.Equal("不合格", view.Results.Single(r => r.Name == "党员六").Grade);

        await ComputeAsync(client, campaign.Id); // a recompute adds no second task
        var followUps = await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/follow-ups")).ReadAsync<List<FollowUpView>>();
        Assert.Equal(["党员五", "党员六"], followUps.Select(f => f.SubjectName).Order());
        var followUpSheet = await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/follow-ups/export")).RowsAsync();
        Assert.Equal(followUps.Select(f => (f.SubjectName, f.Grade)), followUpSheet.Select(r => (r["对象"], r["等次"])));
        var f = followUps[0];
        var bad = await client.PutJsonAsync($"/api/v1/evaluations/follow-ups/{f.Id}", new FollowUpRequest("", null, null, FollowUpStatus.Done, null, f.Version));
        var errors = await bad.ProblemErrorsAsync();
        Assert.Contains("measure", errors.Keys);
        Assert.Contains("outcome", errors.Keys);
        var ok = await client.PutJsonAsync($"/api/v1/evaluations/follow-ups/{f.Id}", new FollowUpRequest("限期改正，支部书记谈话", "李书记", new DateOnly(2027, 3, 31), FollowUpStatus.Open, null, f.Version));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task CompleteFollowUps_TickedRows_OneRequest_AllOrNothing_StaleIs409()
    {
        var (campaign, client, _) = await MemberReviewAsync();
        var url = $"/api/v1/evaluations/{campaign.Id}/follow-ups/complete";
        async Task<List<FollowUpView>> ListAsync() => await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}/follow-ups")).ReadAsync<List<FollowUpView>>();
        var before = await ListAsync();
        CompleteFollowUpsRequest All(string? outcome, IEnumerable<FollowUpView> rows) => new([.. rows.Select(f => new RowVersion(f.Id, f.Version))], outcome);

        var noMeasure = await (await client.PostJsonAsync(url, All("已整改", before))).ProblemErrorsAsync();
        Assert.Equal(["rows[0].measure", "rows[1].measure"], noMeasure.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith($"第 2 行（{before[1].SubjectName}）：", noMeasure["rows[1].measure"][0]);
        Assert.Equal(before, await ListAsync());

        foreach (var f in before)
        {
            await client.PutJsonAsync($"/api/v1/evaluations/follow-ups/{f.Id}", new FollowUpRequest("支部书记谈话", null, null, FollowUpStatus.Open, null, f.Version));
        }

        var measured = await ListAsync();
        var noOutcome = await (await client.PostJsonAsync(url, All(null, measured))).ProblemErrorsAsync();
        var stale = await client.PostJsonAsync(url, new CompleteFollowUpsRequest([new(measured[0].Id, measured[0].Version), new(measured[1].Id, measured[1].Version + 1)], "已整改"));
        var otherCampaign = await client.PostJsonAsync($"/api/v1/evaluations/{(await MemberReviewAsync()).Campaign.Id}/follow-ups/complete", All("已整改", measured));
        Assert.Equal(["rows[0].outcome", "rows[1].outcome"], noOutcome.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound), (stale.StatusCode, otherCampaign.StatusCode));
        Assert.Equal(measured, await ListAsync());

        var done = await (await client.PostJsonAsync(url, All("已谈话并整改到位", measured))).ReadAsync<List<FollowUpView>>();

        Assert.All(done, f => Assert.Equal((FollowUpStatus.Done, "已谈话并整改到位", "支部书记谈话"), (f.Status, f.Outcome, f.Measure)));
        var again = await (await client.PostJsonAsync(url, All("再次", done))).ProblemErrorsAsync();
        Assert.Equal(["rows[0].status", "rows[1].status"], again.Keys.Order(StringComparer.Ordinal));
        string[] ids = [done[0].Id.ToString(), done[1].Id.ToString()];
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "Evaluation.FollowUpUpdated" && ids.Contains(a.EntityId)));
        Assert.Equal(4, audited); // the measure of each, then its completion
    }

    /// <summary>A 民主评议党员 of six in township A, computed: 党员五 基本合格 and 党员六 不合格 each have a follow-up.</summary>
    private async Task<(TestCampaign Campaign, HttpClient Client, CampaignResultsView View)> MemberReviewAsync()
    {
        static IReadOnlyDictionary<string, string> R(string label) => new Dictionary<string, string> { ["综合表现"] = label };
        var campaign = await app.CampaignAsync(await TownshipAAsync(),
            [new("党员一"), new("党员二"), new("党员三"), new("党员四"), new("党员五"), new("党员六")],
            [new("党员", EvaluatorKind.Members, 1m, [
                Ballot(("党员一", R("优秀")), ("党员二", R("优秀")), ("党员三", R("优秀")), ("党员四", R("合格")), ("党员五", R("基本合格")), ("党员六", R("不合格"))),
                Ballot(("党员一", R("优秀")), ("党员二", R("优秀")), ("党员三", R("合格")), ("党员四", R("合格")), ("党员五", R("基本合格")), ("党员六", R("不合格"))),
            ])],
            CampaignKind.MemberReview);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        return (campaign, client, await ComputeAsync(client, campaign.Id));
    }

    [Fact]
    public async Task OtherTownship_Refused_AndNothingChanges()
    {
        var b = (await app.TownshipsAsync()).B;
        var campaign = await app.CampaignAsync(b, [new("甲", 90, 80)], [OneGroupAllGood("甲")]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var id = campaign.Id;
        var subject = campaign.Subjects["甲"];
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/results/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/objections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/follow-ups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/objections/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/evaluations/{id}/follow-ups/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/evaluations/{id}/follow-ups/complete", new CompleteFollowUpsRequest([new(1, 0)], "乙镇"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/evaluations/{id}/results/compute", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutJsonAsync($"/api/v1/evaluations/subjects/{subject}/scores", new SubjectScoresRequest(1, 1, [], 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/evaluations/{id}/publicity", new PublicizeRequest(null, null, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/evaluations/{id}/finalize", new VersionRequest(0))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.EvaluationResults.CountAsync(r => r.CampaignId == id)));
        Assert.Equal(90m, await app.WithDbAsync(db => db.EvaluationSubjects.Where(s => s.Id == subject).Select(s => s.Achievement).FirstAsync()));

        var page = await (await app.SignInAsync(Demo.OrgAdminA)).GetStringAsync($"/evaluations/{id}/results");
        Assert.Contains("data-refused=\"true\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("甲", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_DemoAssessment_EverySubjectGradedFromItsBoxes()
    {
        var township = await TownshipAAsync();
        var demo = await app.WithDbAsync(db => db.EvaluationCampaigns
            .Where(c => c.OrganizationId == township && c.Kind == CampaignKind.AnnualAssessment && c.Status == CampaignStatus.Closed && c.Seed != "seed")
            .Select(c => (int?)c.Id).FirstOrDefaultAsync());
        Assert.NotNull(demo); // the demo district's closed assessment of township A's team
        var view = await ComputeAsync(await app.ClientForAsync(Demo.OrgAdminA), demo.Value);
        var subjects = await app.WithDbAsync(db => db.EvaluationSubjects.CountAsync(s => s.CampaignId == demo.Value));
        Assert.Equal(subjects, view.Results.Count);
        Assert.All(view.Results, r => Assert.True(r.Democratic > 0));
        Assert.All(view.Groups, g => Assert.True(g.ResponsesCast > 0 && g.BoxClosed));
        Assert.Equal(view.Groups.Single(g => g.Kind == EvaluatorKind.ResidentRepresentatives).ResponsesCast,
            view.Results[0].Groups.Single(g => g.Kind == EvaluatorKind.ResidentRepresentatives).Responses);
    }

    [Fact]
    public async Task ResultsPage_ShowsTableAndCharts()
    {
        var campaign = await app.CampaignAsync(await TownshipAAsync(), [new("页面甲", 90, 80), new("页面乙", 70, 70)], [OneGroupAllGood("页面甲", "页面乙")]);
        await ComputeAsync(await app.ClientForAsync(Demo.OrgAdminA), campaign.Id);
        var cookie = await app.SignInAsync(Demo.OrgAdminA);
        var page = await cookie.GetStringAsync($"/evaluations/{campaign.Id}/results");
        Assert.Contains("data-chart=\"grades\"", page, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"distribution\"", page, StringComparison.Ordinal);
        Assert.Contains("页面甲", page, StringComparison.Ordinal);
        var print = await cookie.GetStringAsync($"/evaluations/{campaign.Id}/results/print");
        Assert.Contains("页面乙", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignPage_LinksToResultsOnceClosed()
    {
        var closed = await app.CampaignAsync(await TownshipAAsync(), [new("链接甲", 90, 80)], [OneGroupAllGood("链接甲")]);
        var announced = await app.WithDbAsync(db => db.EvaluationCampaigns
            .Where(c => c.Kind == CampaignKind.MemberReview && c.Status == CampaignStatus.Announced).Select(c => c.Id).FirstAsync());
        var cookie = await app.SignInAsync(Demo.DistrictAdmin);

        Assert.Contains("data-link=\"results\"", await cookie.GetStringAsync($"/evaluations/{closed.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-link=\"results\"", await cookie.GetStringAsync($"/evaluations/{announced}"), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResultsSqliteTests(SqliteApp app) : ResultsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResultsPostgresTests(PostgresApp app) : ResultsTests(app);
