using System.Net;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Features.Study.Records;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Study.Records;

/// <summary>
/// Study records over HTTP on a real database (STU-1): the clerk's entry (approved, with the credits of the credit rule),
/// the import all-or-nothing naming the bad cell, a member's own record on /me waiting for the clerk, returned with a
/// reason, entered again and approved, and the refusals: a member for someone else, township A for township B. Each test
/// makes people of its own and dates records in the past so the demo district's records do not matter.
/// </summary>
public abstract class StudyRecordTests(AppFixture app)
{
    private const string Route = StudyRecordEndpoints.Route;

    private static DateOnly Day(int daysAgo) => OrgToday.Value.AddDays(-daysAgo);

    [Fact]
    public async Task Clerk_EntersARecord_ApprovedWithItsCredits_ListedAndExported()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var person = await PersonAsync(branch);

        var entered = await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.CentralGroup, Day(3), 4.5m, null, null, "学习党的二十大精神", null));
        var view = await entered.ReadAsync<StudyRecordView>();
        // The clerk approves by entering; central group study earns 1 credit an hour (StudyCredits.Defaults).
        Assert.Equal((StudyRecordStatus.Approved, 4.5m, 4.5m), (view.Status, view.Hours, view.Credits));

        var stay = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.PartySchool, null, null, Day(12), Day(10), null, null))).ReadAsync<StudyRecordView>();
        Assert.Equal((3, 24m), (stay.Days, stay.Credits));

        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.Name).FirstAsync());
        var list = await (await secretary.GetAsync($"{Route}?organizationId={branch}&name={Uri.EscapeDataString(name)}&kind=CentralGroup")).ReadAsync<StudyRecordsView>();
        Assert.Equal([view.Id], list.Records.Items.Select(r => r.Id));
        Assert.True(list.MayWrite);

        var export = await secretary.GetAsync($"{Route}/export?organizationId={branch}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Where(r => Equals(r["姓名"], name)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => Equals(r["类型"], "中心组学习") && Convert.ToDecimal(r["学分"], System.Globalization.CultureInfo.InvariantCulture) == 4.5m);
    }

    [Fact]
    public async Task Entry_BadInput_Is400NamingTheField_AndNothingStored()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var person = await PersonAsync(branch);

        var hours = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.Course, Day(1), 24.5m, null, null, "法治", null))).ProblemErrorsAsync();
        var fine = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.Course, Day(1), 1.255m, null, null, "法治", null))).ProblemErrorsAsync();
        var to = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.PartySchool, null, null, Day(5), Day(6), null, null))).ProblemErrorsAsync();
        var kind = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, null, Day(1), 2m, null, null, "法治", null))).ProblemErrorsAsync();
        var notes = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.SelfStudy, Day(1), 2m, null, null, null, " "))).ProblemErrorsAsync();
        var future = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.Course, Day(-1), 2m, null, null, "法治", null))).ProblemErrorsAsync();

        Assert.Equal(["hours", "hours", "to", "kind", "notes", "date"], [.. new[] { hours, fine, to, kind, notes, future }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("24", hours["hours"][0], StringComparison.Ordinal);
        Assert.Contains("两位小数", fine["hours"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.StudyRecords.CountAsync(r => r.PersonId == person)));
    }

    [Fact]
    public async Task Import_OneBadRow_ChangesNothing_AndNamesTheRowAndCell_ACleanFileGoesInWhole()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var (a, b) = (await PersonAsync(branch), await PersonAsync(branch));
        var names = await app.WithDbAsync(db => db.People.Where(p => p.Id == a || p.Id == b).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());
        var (d1, d2) = (Text(Day(20)), Text(Day(21)));

        var bad = await ImportAsync(secretary, branch, [
            Row(names[0], "中心组学习", d1, "3", topic: "学习党章"),
            Row(names[1], "自学", d1, "30", notes: "读原著"),
            Row(names[0], "党校学习", from: d2, to: d1)]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["3/学时"], (await bad.ProblemErrorsAsync()).Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.StudyRecords.CountAsync(r => r.PersonId == a || r.PersonId == b)));

        var unknown = await (await ImportAsync(secretary, branch, [Row("不在本组织的人" + Demo.UniqueCode(""), "自学", d1, "2", notes: "x"), Row(names[1], "函授", d1, "2", notes: "x")])).ProblemErrorsAsync();
        Assert.Equal(["2/姓名", "3/类型"], unknown.Keys);

        var good = await ImportAsync(secretary, branch, [
            Row(names[0], "中心组学习", d1, "3", topic: "学习党章"),
            Row(names[1], "SelfStudy", d1, "2.5", notes: "读原著"),
            Row(names[0], "党校学习", from: d2, to: d1)]);
        Assert.Equal(3, (await good.ReadAsync<StudyImportSummary>()).Imported);
        var stored = await app.WithDbAsync(db => db.StudyRecords.Where(r => r.PersonId == a || r.PersonId == b).OrderBy(r => r.Id)
            .Select(r => new { r.PersonId, r.Kind, r.Hours, r.Status, r.EnteredByClerk }).ToListAsync());
        Assert.Equal([(a, StudyKind.CentralGroup, (decimal?)3m), (b, StudyKind.SelfStudy, 2.5m), (a, StudyKind.PartySchool, null)], stored.Select(r => (r.PersonId, r.Kind, r.Hours)));
        Assert.All(stored, r => Assert.Equal((StudyRecordStatus.Approved, true), (r.Status, r.EnteredByClerk)));
    }

    [Fact]
    public async Task Content_SetsTheCredits_Entered_Imported_AndExported()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var person = await PersonAsync(branch);
        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.Name).FirstAsync());

        // Seed 004 (学分 by 学习内容): four central-group hours on theory earn 1 an hour × 1.5; the same hours unclassified 4.
        var theory = await (await secretary.PostJsonAsync(Route, new EnterStudyRecordRequest(person, StudyKind.CentralGroup, Day(4), 4m, null, null, "学习党的二十大精神", null, StudyContent.Theory))).ReadAsync<StudyRecordView>();
        Assert.Equal((StudyContent.Theory, 6m), (theory.Content, theory.Credits));

        var bad = await ImportAsync(secretary, branch, [
            Row(name, "中心组学习", Text(Day(5)), "2", topic: "党章", content: "党章党规党纪和党性教育"),
            Row(name, "中心组学习", Text(Day(6)), "2", topic: "天文", content: "天文学")]);
        Assert.Equal(["3/内容类别"], (await bad.ProblemErrorsAsync()).Keys);
        Assert.Equal(1, await app.WithDbAsync(db => db.StudyRecords.CountAsync(r => r.PersonId == person)));

        var good = await ImportAsync(secretary, branch, [
            Row(name, "中心组学习", Text(Day(5)), "2", topic: "党章", content: "党章党规党纪和党性教育"),
            Row(name, "中心组学习", Text(Day(6)), "2", topic: "法治"),
            Row(name, "中心组学习", Text(Day(7)), "2", topic: "政策", content: "Policy")]);
        Assert.Equal(3, (await good.ReadAsync<StudyImportSummary>()).Imported);
        var list = await (await secretary.GetAsync($"{Route}?organizationId={branch}&name={Uri.EscapeDataString(name)}")).ReadAsync<StudyRecordsView>();
        Assert.Equal(
            [(StudyContent.Theory, 6m), (StudyContent.PartySpirit, 2.4m), (null, 2m), (StudyContent.Policy, 2m)],
            list.Records.Items.OrderBy(r => r.Id).Select(r => (r.Content, r.Credits)));

        var export = await secretary.GetAsync($"{Route}/export?organizationId={branch}");
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Where(r => Equals(r["姓名"], name)).ToList();
        Assert.Contains(rows, r => Equals(r["内容类别"], "马克思主义理论和党的创新理论") && Convert.ToDecimal(r["学分"], System.Globalization.CultureInfo.InvariantCulture) == 6m);
    }

    [Fact]
    public async Task Member_EntersTheirOwn_ItWaits_IsReturnedWithAReason_EnteredAgain_ApprovedItCounts()
    {
        var member = await app.ClientForAsync(Demo.Member);
        var clerk = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await (await member.GetAsync(StudyRecordEndpoints.MineRoute)).ReadAsync<MyStudyView>();
        Assert.NotNull(before.PersonId);

        var entered = await (await member.PostJsonAsync(StudyRecordEndpoints.MineRoute, new StudyRecordInput(StudyKind.SelfStudy, OrgToday.Value, 3m, null, null, null, "读《习近平谈治国理政》", null))).ReadAsync<StudyRecordView>();
        Assert.Equal((StudyRecordStatus.Pending, before.PersonId!.Value, false), (entered.Status, entered.PersonId, entered.EnteredByClerk));
        Assert.Equal(before.Credits, (await (await member.GetAsync(StudyRecordEndpoints.MineRoute)).ReadAsync<MyStudyView>()).Credits);

        var noReason = await clerk.PostJsonAsync($"{Route}/{entered.Id}/return", new ReturnStudyRecordRequest(" ", entered.Version));
        Assert.Equal(["reason"], (await noReason.ProblemErrorsAsync()).Keys);
        var returned = await (await clerk.PostJsonAsync($"{Route}/{entered.Id}/return", new ReturnStudyRecordRequest("请写明读了哪些篇目", entered.Version))).ReadAsync<StudyRecordView>();
        Assert.Equal((StudyRecordStatus.Returned, "请写明读了哪些篇目"), (returned.Status, returned.ReturnReason));
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostJsonAsync($"{Route}/{entered.Id}/approve", new ApproveStudyRecordRequest(returned.Version))).StatusCode);

        var again = await (await member.PutJsonAsync($"{StudyRecordEndpoints.MineRoute}/{entered.Id}",
            new StudyRecordInput(StudyKind.SelfStudy, OrgToday.Value, 3m, null, null, null, "读《习近平谈治国理政》第一卷第一至三篇", returned.Version))).ReadAsync<StudyRecordView>();
        Assert.Equal((StudyRecordStatus.Pending, null), (again.Status, again.ReturnReason));

        var approved = await (await clerk.PostJsonAsync($"{Route}/{entered.Id}/approve", new ApproveStudyRecordRequest(again.Version))).ReadAsync<StudyRecordView>();
        Assert.Equal(StudyRecordStatus.Approved, approved.Status);
        // Self-study earns a tenth of a credit an hour (StudyCredits.Defaults), counted once approved.
        Assert.Equal(before.Credits + 0.3m, (await (await member.GetAsync(StudyRecordEndpoints.MineRoute)).ReadAsync<MyStudyView>()).Credits);
    }

    [Fact]
    public async Task Member_SeesTheirRequirementsOnMe_AsTheCompliancePageMeasuresThem_WithEveryEarlierField()
    {
        var member = await app.ClientForAsync(Demo.Member);
        var clerk = await app.ClientForAsync(Demo.OrgAdminA);

        var mine = await (await member.GetAsync(StudyRecordEndpoints.MineRoute)).ReadAsync<MyStudyView>();
        var row = await (await clerk.GetAsync($"{StudyComplianceEndpoints.Route}/person/{mine.PersonId}")).ReadAsync<StudyComplianceRow>();

        // Every Party member has at least the yearly concentrated-study hours (StudyRules defaults); the figures are the compliance query's own.
        Assert.NotEmpty(row.Requirements);
        Assert.Equal(row.Requirements, mine.Requirements);
        var json = await (await member.GetAsync(StudyRecordEndpoints.MineRoute)).Content.ReadAsStringAsync();
        foreach (var field in new[] { "personId", "year", "totals", "credits", "yearlyMinimum", "meetsMinimum", "exam", "records", "requirements", "missing", "behindPace" })
        {
            Assert.Contains($"\"{field}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Member_IsRefusedSomeoneElsesRecords_TownshipA_IsRefusedTownshipB_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var member = await app.ClientForAsync(Demo.Member);
        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        var other = await PersonAsync(t.BranchOfA);
        var foreign = await app.WithDbAsync(async db =>
        {
            var r = StudyRecord.Enter(t.PersonOfB, t.BranchOfB, new StudyRecordContent(StudyKind.SelfStudy, Date: Day(2), Hours: 2, Notes: "乙镇自学"), false, StudyCredits.Defaults, "乙", DateTimeOffset.UtcNow, OrgToday.Value);
            db.StudyRecords.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var before = await app.WithDbAsync(db => Task.FromResult((db.StudyRecords.Count(r => r.PersonId == other || r.PersonId == t.PersonOfB), db.StudyRecords.Single(r => r.Id == foreign).Status)));

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(Route, new EnterStudyRecordRequest(other, StudyKind.Course, Day(1), 2m, null, null, "法治", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Route}?organizationId={t.BranchOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PutJsonAsync($"{StudyRecordEndpoints.MineRoute}/{foreign}", new StudyRecordInput(StudyKind.SelfStudy, Day(1), 9m, null, null, null, "改别人的", null))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.GetAsync($"{Route}?organizationId={t.BranchOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.PostJsonAsync(Route, new EnterStudyRecordRequest(t.PersonOfB, StudyKind.Course, Day(1), 2m, null, null, "法治", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.PostJsonAsync($"{Route}/{foreign}/approve", new ApproveStudyRecordRequest(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(orgAdminA, t.BranchOfB, [Row("某人", "自学", Text(Day(1)), "2", notes: "x")])).StatusCode);

        var after = await app.WithDbAsync(db => Task.FromResult((db.StudyRecords.Count(r => r.PersonId == other || r.PersonId == t.PersonOfB), db.StudyRecords.Single(r => r.Id == foreign).Status)));
        Assert.Equal(before, after);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Row(string name, string kind, string? date = null, string? hours = null, string? from = null, string? to = null, string? topic = null, string? notes = null, string? content = null) =>
        new() { ["姓名"] = name, ["类型"] = kind, ["日期"] = date, ["学时"] = hours, ["开始日期"] = from, ["结束日期"] = to, ["主题"] = topic, ["学习内容"] = notes, ["内容类别"] = content };

    private async Task<int> PersonAsync(int organization) => await app.WithDbAsync(async db =>
    {
        var person = new Person
        {
            Name = "学习人" + Demo.UniqueCode(""), Gender = Gender.Female, Status = MemberStatus.Full,
            JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = organization,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, int organization, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Dangjian.Web.Features.Common.ExcelFile.ContentType);
        return await client.PostAsync($"{Route}/import?organizationId={organization}", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StudyRecordSqliteTests(SqliteApp app) : StudyRecordTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StudyRecordPostgresTests(PostgresApp app) : StudyRecordTests(app);
