using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Awards;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.People;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Awards;
using Dangjian.Web.Tests.Cadres;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Awards;

/// <summary>
/// 评先评优 (EVA-11) over HTTP on a real database: a selection from nomination to award, each refusal of the eligibility check
/// shown in words, quotas, publicity with objections, bad input and a stale version, township B kept from township A, the
/// export and the public page. Each test makes its own organizations and people.
/// </summary>
public abstract partial class AwardTests(AppFixture app)
{
    private const string Route = AwardEndpoints.Route;

    private static readonly int Year = OrgToday.Value.Year - 1;

    private async Task<(HttpClient Admin, int Org, AwardSelectionView Selection)> OpenAsync(int members = 2, int orgs = 1)
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A, Domain.Organizations.OrganizationKind.GeneralBranch);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var s = await (await admin.PostJsonAsync(Route, new OpenSelectionRequest(org, Year, $"{Year}年度\"两优一先\"", orgs, members, 0))).ReadAsync<AwardSelectionView>();
        return (admin, org, s);
    }

    private static async Task<AwardSelectionView> NominateAsync(HttpClient admin, AwardSelectionView s, AwardCategory category, int id)
    {
        var request = category == AwardCategory.AdvancedOrganization
            ? new NominateRequest(category, null, id, "党委", "三会一课规范，服务群众有实效", s.Version)
            : new NominateRequest(category, id, null, "第一支部", "带头办实事，群众公认", s.Version);
        var response = await admin.PostJsonAsync($"{Route}/{s.Id}/nominations", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<AwardSelectionView>();
    }

    private Task<int> BackdatePublicityAsync(int id) => app.WithDbAsync(async db =>
    {
        var s = await db.AwardSelections.FirstAsync(x => x.Id == id);
        s.PublicityFrom = OrgToday.Value.AddDays(-20);
        s.PublicityTo = OrgToday.Value.AddDays(-1);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Selection_FromNominationToAward_RefusesTheFlaggedNominee_WithTheReasonInWords_AndRecordsTheAwards()
    {
        var (admin, org, s) = await OpenAsync();
        var branch = await app.NewOrganizationAsync(org);
        var good = await app.NewPersonAsync(branch, "张优秀");
        var poor = await app.NewPersonAsync(branch, "李不合格");
        await app.FinalizedAnnualAsync(org, Year, (good, "优秀"), (poor, "不合格"));

        s = await NominateAsync(admin, s, AwardCategory.ExcellentMember, good);
        s = await NominateAsync(admin, s, AwardCategory.ExcellentMember, poor);
        s = await NominateAsync(admin, s, AwardCategory.AdvancedOrganization, branch);
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/check", new SelectionStepRequest(s.Version))).ReadAsync<AwardSelectionView>();

        Assert.Equal(AwardSelectionStatus.Checked, s.Status);
        var refused = s.Nominations.Single(n => n.PersonId == poor);
        Assert.Equal(NominationEligibility.Refused, refused.Eligibility);
        var reason = Assert.Single(refused.Refusals);
        Assert.Equal(AwardEligibility.GradeBelowMinimum, reason.Code);
        Assert.Contains("不合格", reason.Text, StringComparison.Ordinal);
        Assert.Contains("合格", reason.Text, StringComparison.Ordinal);
        Assert.All(s.Nominations.Where(n => n.PersonId != poor), n => Assert.Equal(NominationEligibility.Eligible, n.Eligibility));

        var chosen = s.Nominations.Where(n => n.Eligibility == NominationEligibility.Eligible).Select(n => n.Id).ToList();
        var notEligible = await (await admin.PostJsonAsync($"{Route}/{s.Id}/decide", new DecideRequest([refused.Id], s.Version))).ProblemErrorsAsync();
        Assert.Equal(["chosen"], notEligible.Keys);
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/decide", new DecideRequest(chosen, s.Version))).ReadAsync<AwardSelectionView>();
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/publicize", new PublicizeAwardRequest(null, s.Version))).ReadAsync<AwardSelectionView>();
        Assert.Equal((AwardSelectionStatus.Publicity, OrgToday.Value), (s.Status, s.PublicityFrom!.Value));

        var early = await (await admin.PostJsonAsync($"{Route}/{s.Id}/award", new SelectionStepRequest(s.Version))).ProblemErrorsAsync();
        Assert.Equal(["status"], early.Keys);
        await BackdatePublicityAsync(s.Id);
        s = await (await admin.GetAsync($"{Route}/{s.Id}")).ReadAsync<AwardSelectionView>();
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/award", new SelectionStepRequest(s.Version))).ReadAsync<AwardSelectionView>();
        Assert.Equal(AwardSelectionStatus.Awarded, s.Status);

        var personAwards = await (await admin.GetAsync($"{Route}/person/{good}")).ReadAsync<List<AwardRecordView>>();
        Assert.Equal([(Year, AwardCategory.ExcellentMember)], personAwards.Select(a => (a.Year, a.Category)));
        Assert.Empty(await (await admin.GetAsync($"{Route}/person/{poor}")).ReadAsync<List<AwardRecordView>>());
        var orgAwards = await (await admin.GetAsync($"{Route}/organization/{branch}")).ReadAsync<List<AwardRecordView>>();
        Assert.Equal([AwardCategory.AdvancedOrganization], orgAwards.Select(a => a.Category));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "AwardSelection.Awarded")));
    }

    [Fact]
    public async Task Check_AnOpenNotice_AndAProbationaryMember_AreRefused_EachWithItsReason()
    {
        var (admin, org, s) = await OpenAsync(members: 3);
        var warned = await app.NewPersonAsync(org, "王通知");
        var probationary = await app.NewPersonAsync(org, "赵预备");
        var clean = await app.NewPersonAsync(org, "钱合格");
        await app.WithDbAsync(async db =>
        {
            db.RectificationNotices.Add(RectificationNotice.Issue(org, NoticeTargetKind.Cadre, warned, "作风不实", "群众反映", OrgToday.Value.AddDays(30), "纪委", OrgToday.Value, OrgToday.Value));
            (await db.People.FirstAsync(p => p.Id == probationary)).Status = MemberStatus.Probationary;
            return await db.SaveChangesAsync();
        });
        foreach (var p in new[] { warned, probationary, clean })
        {
            s = await NominateAsync(admin, s, AwardCategory.ExcellentMember, p);
        }

        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/check", new SelectionStepRequest(s.Version))).ReadAsync<AwardSelectionView>();

        Assert.Equal([AwardEligibility.OpenNotice], s.Nominations.Single(n => n.PersonId == warned).Refusals.Select(r => r.Code));
        Assert.Contains("整改通知", s.Nominations.Single(n => n.PersonId == warned).Refusals[0].Text, StringComparison.Ordinal);
        Assert.Equal([AwardEligibility.Probationary], s.Nominations.Single(n => n.PersonId == probationary).Refusals.Select(r => r.Code));
        Assert.Equal(NominationEligibility.Eligible, s.Nominations.Single(n => n.PersonId == clean).Eligibility);
    }

    [Fact]
    public async Task BadInput_Is400NamingTheField_NothingStored_AndAStaleVersionIs409()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var noQuota = await (await admin.PostJsonAsync(Route, new OpenSelectionRequest(org, Year, "无名额", 0, 0, 0))).ProblemErrorsAsync();
        var noTitle = await (await admin.PostJsonAsync(Route, new OpenSelectionRequest(org, Year, " ", 1, 1, 1))).ProblemErrorsAsync();
        Assert.Equal(["memberQuota", "title"], [.. new[] { noQuota, noTitle }.SelectMany(e => e.Keys)]);
        Assert.Equal(0, await app.WithDbAsync(db => db.AwardSelections.CountAsync(x => x.OrganizationId == org)));

        var s = await (await admin.PostJsonAsync(Route, new OpenSelectionRequest(org, Year, "评选", 0, 1, 0))).ReadAsync<AwardSelectionView>();
        var person = await app.NewPersonAsync(org, "孙");
        var noStatement = await (await admin.PostJsonAsync($"{Route}/{s.Id}/nominations", new NominateRequest(AwardCategory.ExcellentMember, person, null, "支部", " ", s.Version))).ProblemErrorsAsync();
        var noPlaces = await (await admin.PostJsonAsync($"{Route}/{s.Id}/nominations", new NominateRequest(AwardCategory.ExcellentPartyWorker, person, null, "支部", "事迹", s.Version))).ProblemErrorsAsync();
        var outside = await (await admin.PostJsonAsync($"{Route}/{s.Id}/nominations", new NominateRequest(AwardCategory.ExcellentMember, t.PersonOfB, null, "支部", "事迹", s.Version))).ProblemErrorsAsync();
        Assert.Equal(["statement", "category", "personId"], [.. new[] { noStatement, noPlaces, outside }.SelectMany(e => e.Keys)]);
        Assert.Equal(0, await app.WithDbAsync(db => db.AwardNominations.CountAsync(n => n.SelectionId == s.Id)));

        var stale = await admin.PostJsonAsync($"{Route}/{s.Id}/nominations", new NominateRequest(AwardCategory.ExcellentMember, person, null, "支部", "事迹", s.Version + 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var empty = await (await admin.PostJsonAsync($"{Route}/{s.Id}/check", new SelectionStepRequest(s.Version))).ProblemErrorsAsync();
        Assert.Equal(["nominations"], empty.Keys);
    }

    [Fact]
    public async Task Decide_OverTheQuota_Refused_AnUpheldObjection_TakesTheNomineeOff()
    {
        var (admin, org, s) = await OpenAsync(members: 1);
        var a = await app.NewPersonAsync(org, "甲");
        var b = await app.NewPersonAsync(org, "乙");
        s = await NominateAsync(admin, s, AwardCategory.ExcellentMember, a);
        s = await NominateAsync(admin, s, AwardCategory.ExcellentMember, b);
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/check", new SelectionStepRequest(s.Version))).ReadAsync<AwardSelectionView>();
        var ids = s.Nominations.Select(n => n.Id).ToList();

        var over = await (await admin.PostJsonAsync($"{Route}/{s.Id}/decide", new DecideRequest(ids, s.Version))).ProblemErrorsAsync();
        Assert.Contains("名额", over["chosen"][0], StringComparison.Ordinal);
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/decide", new DecideRequest([ids[0]], s.Version))).ReadAsync<AwardSelectionView>();
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/publicize", new PublicizeAwardRequest(null, s.Version))).ReadAsync<AwardSelectionView>();

        var anonymous = app.AnonymousClient();
        var page = await anonymous.GetAsync($"/public/awards/{s.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(s.Nominations[0].NomineeName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/awards/{int.MaxValue}")).StatusCode);

        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections", new AwardObjectionRequest(ids[0], "事迹有夸大", null, s.Version))).ReadAsync<AwardSelectionView>();
        var objection = Assert.Single(s.Objections);
        var noAnswer = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections/{objection.Id}/answer", new AnswerAwardObjectionRequest(true, " ", s.Version))).ProblemErrorsAsync();
        Assert.Equal(["answer"], noAnswer.Keys);
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections/{objection.Id}/answer", new AnswerAwardObjectionRequest(true, "经核实属实", s.Version))).ReadAsync<AwardSelectionView>();
        Assert.True(s.Nominations.Single(n => n.Id == ids[0]).RemovedByObjection);

        await BackdatePublicityAsync(s.Id);
        s = await (await admin.GetAsync($"{Route}/{s.Id}")).ReadAsync<AwardSelectionView>();
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/award", new SelectionStepRequest(s.Version))).ReadAsync<AwardSelectionView>();
        Assert.Empty(await (await admin.GetAsync($"{Route}/person/{a}")).ReadAsync<List<AwardRecordView>>());

        var export = await admin.GetAsync($"{Route}/{s.Id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).ToList();
        Assert.Equal(2, rows.Count);
    }

    /// <summary>A phone on the public page: no account, only the antiforgery cookie the form sets; posts as the page's form does.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PublicObjectAsync(int selectionId, int nominationId, string text)
    {
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await phone.GetStringAsync($"/public/awards/{selectionId}");
        var token = Http.AntiforgeryToken(page);
        var response = await phone.PostAsync($"/public/awards/{selectionId}", new FormUrlEncodedContent([
            new("_handler", "award-objection"), new("__RequestVerificationToken", token),
            new("nomination", nominationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("text", text)]));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PublicObjection_ReachesStaff_WithNoAuditEntry_ANamedOneAndTheAnswersAreAudited_BadInputNamesTheField()
    {
        var (admin, org, s) = await OpenAsync(members: 1);
        var person = await app.NewPersonAsync(org, "郑公示");
        s = await NominateAsync(admin, s, AwardCategory.ExcellentMember, person);
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/check", new SelectionStepRequest(s.Version))).ReadAsync<AwardSelectionView>();
        var nomination = s.Nominations[0].Id;
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/decide", new DecideRequest([nomination], s.Version))).ReadAsync<AwardSelectionView>();
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/publicize", new PublicizeAwardRequest(null, s.Version))).ReadAsync<AwardSelectionView>();

        // Bad input on the public form: the page again with the field's message under it, nothing stored.
        var empty = await PublicObjectAsync(s.Id, nomination, "  ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        Assert.Contains("data-field=\"text\"", empty.Body, StringComparison.Ordinal);
        Assert.Contains("异议内容不能为空", empty.Body, StringComparison.Ordinal);
        var notChosen = await PublicObjectAsync(s.Id, int.MaxValue, "反映其事迹有夸大");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notChosen.Status);
        Assert.Contains("data-field=\"nominationId\"", notChosen.Body, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.AwardObjections.CountAsync(o => o.SelectionId == s.Id)));

        const string text = "反映该同志在村集体土地流转中优亲厚友";
        var sent = await PublicObjectAsync(s.Id, nomination, text);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("data-outcome=\"accepted\"", sent.Body, StringComparison.Ordinal);

        // Staff see it, with its day and no name; the audit log holds nothing of it: no row entry, no event.
        s = await (await admin.GetAsync($"{Route}/{s.Id}")).ReadAsync<AwardSelectionView>();
        var anonymous = Assert.Single(s.Objections);
        Assert.Equal((nomination, text, null, OrgToday.Value), (anonymous.NominationId, anonymous.Text, anonymous.FiledBy, anonymous.FiledOn));
        var anonymousKey = anonymous.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var staffPage = await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync($"/awards/{s.Id}");
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        var staffHtml = WebUtility.HtmlDecode(await staffPage.Content.ReadAsStringAsync());
        Assert.Contains(text, staffHtml, StringComparison.Ordinal);
        Assert.Contains($"data-objection=\"{anonymousKey}\" data-anonymous=\"true\"", staffHtml, StringComparison.Ordinal);
        Assert.Contains("（匿名）", staffHtml, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            (a.EntityType == nameof(AwardObjection) && a.EntityId == anonymousKey) || (a.After != null && a.After.Contains(text)))));

        // Staff API: bad input is a 400 naming the field, nothing stored; one entered under a name is audited.
        var noText = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections", new AwardObjectionRequest(nomination, " ", "李四", s.Version))).ProblemErrorsAsync();
        var noNominee = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections", new AwardObjectionRequest(null, "事迹有夸大", "李四", s.Version))).ProblemErrorsAsync();
        Assert.Equal(["text", "nominationId"], [.. new[] { noText, noNominee }.SelectMany(e => e.Keys)]);
        Assert.Equal(1, await app.WithDbAsync(db => db.AwardObjections.CountAsync(o => o.SelectionId == s.Id)));
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections", new AwardObjectionRequest(nomination, "事迹材料有夸大", "李四", s.Version))).ReadAsync<AwardSelectionView>();
        var named = s.Objections.Single(o => o.FiledBy == "李四");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == nameof(AwardObjection) && a.EntityId == named.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Created")));

        // The staff answer to the anonymous one is audited as such (its day, never the instant it came).
        s = await (await admin.PostJsonAsync($"{Route}/{s.Id}/objections/{anonymous.Id}/answer", new AnswerAwardObjectionRequest(false, "经核实，流转程序合规", s.Version))).ReadAsync<AwardSelectionView>();
        Assert.False(s.Objections.Single(o => o.Id == anonymous.Id).Upheld);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == nameof(AwardObjection) && a.EntityId == anonymousKey && a.Action == "AwardSelection.ObjectionAnswered")));
    }

    [Fact]
    public async Task OrgAdminA_IsRefusedTownshipBsSelection_AndNothingChanges_AndItsListDoesNotShowIt()
    {
        var t = await app.TownshipsAsync();
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var title = "乙镇评选" + Demo.UniqueCode("");
        var s = await (await adminB.PostJsonAsync(Route, new OpenSelectionRequest(t.BranchOfB, Year, title, 1, 1, 1))).ReadAsync<AwardSelectionView>();
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/{s.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/{s.Id}/nominations", new NominateRequest(AwardCategory.ExcellentMember, t.PersonOfB, null, "x", "y", s.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/{s.Id}/check", new SelectionStepRequest(s.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/{s.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync(Route, new OpenSelectionRequest(t.BranchOfB, Year, "越权", 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/person/{t.PersonOfB}")).StatusCode);
        var list = await (await adminA.GetAsync($"{Route}?search={Uri.EscapeDataString(title)}")).ReadAsync<Dangjian.Web.Features.Common.Paged<AwardSelectionRow>>();
        Assert.Empty(list.Items);
        Assert.Equal(0, await app.WithDbAsync(db => db.AwardNominations.CountAsync(n => n.SelectionId == s.Id)));
        var listB = await (await adminB.GetAsync($"{Route}?search={Uri.EscapeDataString(title)}")).ReadAsync<Dangjian.Web.Features.Common.Paged<AwardSelectionRow>>();
        Assert.Single(listB.Items);
    }

    [Fact]
    public async Task SecretaryReport_PoorInTwoConsecutiveYears_IsFlagged_OneYear_IsNot()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var flagged = await app.NewPersonAsync(org, "周书记");
        var once = await app.NewPersonAsync(org, "吴书记");
        foreach (var (year, grades) in new[] { (Year - 1, new[] { (flagged, "基本称职"), (once, "称职") }), (Year, new[] { (flagged, "不称职"), (once, "不称职") }) })
        {
            await app.WithDbAsync(async db =>
            {
                var c = new EvaluationCampaign
                {
                    OrganizationId = org, Title = $"{year}年度党支部书记量化考核", Year = year, Kind = CampaignKind.SecretaryAssessment, SubjectKind = SubjectKind.BranchSecretary,
                    CriteriaJson = CampaignJson.Write(SecretaryAssessment.Criteria), GradesJson = CampaignJson.Write(GradeRule.Annual), ComponentsJson = "{}", VetoGrade = "不称职", Seed = "s",
                };
                db.EvaluationCampaigns.Add(c);
                await db.SaveChangesAsync();
                foreach (var (person, grade) in grades)
                {
                    var s = new EvaluationSubject { CampaignId = c.Id, Name = "书记" + person, PersonId = person };
                    db.EvaluationSubjects.Add(s);
                    await db.SaveChangesAsync();
                    db.EvaluationResults.Add(new EvaluationResult { CampaignId = c.Id, SubjectId = s.Id, Grade = grade, Composite = 58m, DetailJson = "[]" });
                }

                return await db.SaveChangesAsync();
            });
        }

        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var report = await (await admin.GetAsync($"/api/v1/evaluations/secretaries/{flagged}")).ReadAsync<Dangjian.Web.Features.Evaluations.Secretaries.SecretaryReport>();
        Assert.Equal(new SecretaryFlag(Year - 1, Year), report.Flag);
        Assert.Equal([Year - 1, Year], report.Years.Select(y => y.Year));
        Assert.Equal(4, report.Indicators.Count);
        var other = await (await admin.GetAsync($"/api/v1/evaluations/secretaries/{once}")).ReadAsync<Dangjian.Web.Features.Evaluations.Secretaries.SecretaryReport>();
        Assert.Null(other.Flag);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"/api/v1/evaluations/secretaries/{flagged}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AwardSqliteTests(SqliteApp app) : AwardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AwardPostgresTests(PostgresApp app) : AwardTests(app);
