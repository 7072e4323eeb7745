using System.Globalization;
using System.Net;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Cadres.Flags;
using Dangjian.Web.Features.Study.Exams;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Features.Study.Lectures;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Study.Inspections;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Exports;

/// <summary>
/// RPT-2 for the study and cadre lists that had no export: theory lectures (with the cadres still without one), study
/// inspections (with the leaders not inspected), the exam list by state, and the cadre flags. Each file holds what its
/// page shows for the same filter, under the page's permission and scope; township B's admin is refused.
/// </summary>
public abstract class StudyCadreExportTests(AppFixture app)
{
    [Fact]
    public async Task Lectures_ExportHoldsTheYearsLectures_AndASecondSheetOfTheCadresWithoutOne()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 3);
        var today = OrgToday.Value;
        var topic = Demo.UniqueCode("导出理论课");
        var planned = await (await admin.PostJsonAsync(TheoryLectureEndpoints.Route, new PlanTheoryLectureRequest(branch, l[0], topic, today))).ReadAsync<TheoryLectureView>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{TheoryLectureEndpoints.Route}/{planned.Id}/given", new MarkLectureGivenRequest(today, planned.Version, 2))).StatusCode);
        var names = await NamesAsync(l);

        var file = await admin.GetAsync($"{TheoryLectureEndpoints.Route}/export?organizationId={branch}&year={today.Year}");
        var sheets = await SheetsAsync(file);
        Assert.Equal(["理论课", "未讲理论课的干部"], sheets.Keys);
        var row = Assert.Single(sheets["理论课"]);
        Assert.Equal((names[0], topic, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "2"), (row["姓名"], row["题目"], row["授课日期"], row["学时"]));
        Assert.Equal(new[] { names[1], names[2] }.Order(StringComparer.Ordinal), sheets["未讲理论课的干部"].Select(r => r["姓名"]).Order(StringComparer.Ordinal));

        // Last year: no lecture, so every cadre is on the second sheet and the first has its headers only.
        var lastYearFile = await (await admin.GetAsync($"{TheoryLectureEndpoints.Route}/export?organizationId={branch}&year={today.Year - 1}")).Content.ReadAsByteArrayAsync();
        var lastYear = Read(lastYearFile);
        Assert.Empty(lastYear["理论课"]);
        Assert.Equal(["姓名", "单位党组织", "题目"], FirstRow(lastYearFile, "理论课").Take(3));
        Assert.Equal(3, lastYear["未讲理论课的干部"].Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{TheoryLectureEndpoints.Route}/export?organizationId={branch}")).StatusCode);
    }

    [Fact]
    public async Task Inspections_ExportHoldsWhoWasNotInspected_AndEachFindingWithItsNote()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, leaders) = await app.NewBranchWithLeadersAsync(t.A, 3);
        var note = Demo.UniqueCode("笔记内容过少");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(StudyInspectionEndpoints.Route, new RecordStudyInspectionRequest(
            branch, StudyInspectionKind.Notes, OrgToday.Value, "镇党委组织委员", [new(leaders[0], true, null), new(leaders[1], false, note)]))).StatusCode);
        var names = await NamesAsync(leaders);

        var sheets = await SheetsAsync(await admin.GetAsync($"{StudyInspectionEndpoints.Route}/export?organizationId={t.A}&kind=Notes"));
        Assert.Equal(["未检查", "检查情况"], sheets.Keys);
        var notInspected = sheets["未检查"].Select(r => r["姓名"]).ToList();
        Assert.Contains(names[2], notInspected);
        Assert.DoesNotContain(names[0], notInspected);
        var finding = Assert.Single(sheets["检查情况"], r => r["意见"] == note);
        Assert.Equal((names[1], "不合格"), (finding["姓名"], finding["合格"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{StudyInspectionEndpoints.Route}/export?organizationId={t.A}")).StatusCode);
    }

    [Fact]
    public async Task Exams_ExportHoldsThePeopleInTheStateAsked_NotTheOthers()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var name = "导出考试" + Demo.UniqueCode("");
        var member = await app.WithDbAsync(async db =>
        {
            var person = new Person { Name = name, Gender = Gender.Female, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2003, 7, 1), OrganizationId = branch };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync(StudyExamEndpoints.Route, new RecordStudyExamRequest(member, new(2024, 1, 10), ExamKind.Regular, 55m, null))).StatusCode);

        var due = await (await secretary.GetAsync($"{StudyExamEndpoints.Route}/export?organizationId={branch}&state=MakeUpDue")).RowsAsync();
        var row = Assert.Single(due, r => r["姓名"] == name);
        Assert.Equal(("待补考", "2024-02-09", "2024-01-10", "55"), (row["考试状态"], row["补考期限"], row["最近一次考试"], row["成绩"]));
        Assert.DoesNotContain(await (await secretary.GetAsync($"{StudyExamEndpoints.Route}/export?organizationId={branch}&state=Ok")).RowsAsync(), r => r["姓名"] == name);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{StudyExamEndpoints.Route}/export?organizationId={branch}")).StatusCode);
    }

    [Fact]
    public async Task CadreFlags_ExportHoldsThePagesColumns_AndTownshipBIsRefused()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var view = await (await admin.GetAsync($"{FlagEndpoints.Route}?organizationId={t.A}")).ReadAsync<FlagsView>();

        var file = await admin.GetAsync($"{FlagEndpoints.Route}/export?organizationId={t.A}");
        var rows = await file.RowsAsync();
        var bytes = await (await admin.GetAsync($"{FlagEndpoints.Route}/export?organizationId={t.A}")).Content.ReadAsByteArrayAsync();
        Assert.Equal(["姓名", "所在单位", "历年考核等次", "提示", "已在后备干部库"], FirstRow(bytes, MiniExcel.GetSheetNames(new MemoryStream(bytes))[0]));
        Assert.Equal(view.People.Select(p => p.Name), rows.Select(r => r["姓名"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{FlagEndpoints.Route}/export?organizationId={t.A}")).StatusCode);
    }

    private Task<string[]> NamesAsync(int[] people) =>
        app.WithDbAsync(async db =>
        {
            var names = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
                db.People.Where(p => people.Contains(p.Id)), p => p.Id, p => p.Name);
            return people.Select(id => names[id]).ToArray();
        });

    /// <summary>Every sheet of a successful .xlsx download by name, in order, each row's cells as text.</summary>
    private static async Task<Dictionary<string, List<Dictionary<string, string>>>> SheetsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Sheets.XlsxType, response.Content.Headers.ContentType?.MediaType);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The first row of a sheet as written (its headers, whether or not rows follow).</summary>
    private static IReadOnlyList<string> FirstRow(byte[] bytes, string sheet) =>
        [.. ((IDictionary<string, object?>)new MemoryStream(bytes).Query(useHeaderRow: false, sheetName: sheet).First()).Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)];

    private static Dictionary<string, List<Dictionary<string, string>>> Read(byte[] bytes)
    {
        var sheets = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var name in MiniExcel.GetSheetNames(new MemoryStream(bytes)))
        {
            sheets[name] = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(c => c.Key, c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? string.Empty)).ToList();
        }

        return sheets;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StudyCadreExportSqliteTests(SqliteApp app) : StudyCadreExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StudyCadreExportPostgresTests(PostgresApp app) : StudyCadreExportTests(app);
