using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Features.Units;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Units;

/// <summary>ORG-4: the units page, one unit by id, the filtered export, editing against a stale version, and the all-or-nothing Excel import.</summary>
public abstract class UnitImportTests(AppFixture app)
{
    private const string Url = "/api/v1/units/import";

    [Fact]
    public async Task Import_OneBadRow_StoresNothing_AndNamesEachRowAndColumn()
    {
        var (t, codeA, branchCode) = await CodesAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var tag = Demo.UniqueCode("单");
        var before = await CountsAsync();

        var response = await client.PostAsync(Url, RosterFiles.Content(Build(
            Row("好" + tag, "企业", codeA, branchCode, 30),
            Row("类" + tag, "工厂", codeA, null, 30),
            Row("负" + tag, "行政村", codeA, null, -1),
            Row("", "社区", codeA, null, 5),
            Row("好" + tag, "企业", codeA, null, 1))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        Assert.Equal([(3, "单位类型"), (4, "人数"), (5, "单位名称"), (6, "单位名称")], errors.Select(e => (e.Row ?? 0, e.Column ?? string.Empty)));
        Assert.Contains("第 2 行", errors[3].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_CleanFile_StoresEveryUnit_EachAudited()
    {
        var (t, codeA, branchCode) = await CodesAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var tag = Demo.UniqueCode("导");

        var response = await client.PostAsync(Url, RosterFiles.Content(Build(
            Row("甲" + tag, "企业", codeA, branchCode, 30),
            Row("乙" + tag, "Village", codeA, null, null))));

        Assert.Equal(2, (await response.ReadAsync<UnitImportSummary>()).Imported);
        var stored = await app.WithDbAsync(db => db.Units.Where(u => u.Name.EndsWith(tag)).OrderBy(u => u.Name).ToListAsync());
        Assert.Equal([("乙" + tag, UnitKind.Village, (int?)null, 0), ("甲" + tag, UnitKind.Enterprise, (int?)t.BranchOfA, 30)],
            stored.OrderBy(u => u.Kind == UnitKind.Village ? 0 : 1).Select(u => (u.Name, u.Kind, u.OrganizationId, u.Headcount)));
        Assert.All(stored, u => Assert.Equal(t.A, u.AreaOrganizationId));
        var ids = stored.Select(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Unit" && ids.Contains(a.EntityId))));
    }

    [Fact]
    public async Task Import_TownshipBsCodes_ReadAsUnknown_AndNothingStored()
    {
        var (t, codeA, _) = await CodesAsync();
        var codeB = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.B).Select(o => o.Code).FirstAsync());
        var branchB = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfB).Select(o => o.Code).FirstAsync());
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var tag = Demo.UniqueCode("越");

        var response = await client.PostAsync(Url, RosterFiles.Content(Build(Row("甲" + tag, "企业", codeB, null, 1), Row("乙" + tag, "企业", codeA, branchB, 1))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        Assert.Equal([(2, "所属乡镇（街道）代码"), (3, "覆盖党组织代码")], errors.Select(e => (e.Row ?? 0, e.Column ?? string.Empty)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Units.CountAsync(u => u.Name.EndsWith(tag))));
    }

    [Fact]
    public async Task Import_MissingColumn_AndNotAnXlsx_AreWholeFileProblems()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["单位名称"] = "某公司" } });

        var missing = await client.PostAsync(Url, RosterFiles.Content(stream.ToArray()));
        var junk = await client.PostAsync(Url, RosterFiles.Content("not a workbook"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("单位类型", (await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
    }

    [Fact]
    public async Task Template_HasTheImportColumns_InTheCallersLanguage()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var template = await client.GetByteArrayAsync("/api/v1/units/import/template");

        using var stream = new MemoryStream(template);
        Assert.Equal(["单位名称", "单位类型", "所属乡镇（街道）代码", "覆盖党组织代码", "人数"], MiniExcelLibs.MiniExcel.GetColumns(stream, useHeaderRow: true));
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_Is409_AndKeepsTheFirstEdit()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var name = "并发" + Demo.UniqueCode("");
        var unit = await (await client.PostJsonAsync("/api/v1/units", new UnitRequest(name, UnitKind.Enterprise, t.A, null, 10))).ReadAsync<UnitRow>();

        var first = await client.PutJsonAsync($"/api/v1/units/{unit.Id}", new UnitRequest(name, UnitKind.Enterprise, t.A, t.BranchOfA, 11, unit.Version));
        var stale = await client.PutJsonAsync($"/api/v1/units/{unit.Id}", new UnitRequest(name, UnitKind.Enterprise, t.A, null, 12, unit.Version));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var now = await (await client.GetAsync($"/api/v1/units/{unit.Id}")).ReadAsync<UnitRow>();
        Assert.Equal(((int?)t.BranchOfA, 11), (now.OrganizationId, now.Headcount));
    }

    [Fact]
    public async Task ListAndExport_ByOrganization_OnlyItsUnits_AndTownshipBIsRefusedBoth()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var name = "覆盖" + Demo.UniqueCode("");
        var unit = await (await a.PostJsonAsync("/api/v1/units", new UnitRequest(name, UnitKind.OfficeBuilding, t.A, branch, 200))).ReadAsync<UnitRow>();

        var listed = await (await a.GetAsync($"/api/v1/units?organizationId={branch}")).ReadAsync<Paged<UnitRow>>();
        var exported = RosterFiles.Read(await a.GetByteArrayAsync($"/api/v1/units/export?organizationId={branch}"));

        Assert.Equal([unit.Id], listed.Items.Select(u => u.Id));
        Assert.Equal([name], exported.Select(r => (string?)r["单位名称"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/units?organizationId={branch}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/units/export?organizationId={branch}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/v1/units/{unit.Id}")).StatusCode);
    }

    [Fact]
    public async Task UnitsPage_ShowsAddAndImportToEditors_AndRefusesAForeignOrganizationFilter()
    {
        var t = await app.TownshipsAsync();
        var mine = await PageAsync(Demo.OrgAdminA, "/units");
        var foreign = await PageAsync(Demo.OrgAdminA, $"/units?organizationId={t.BranchOfB}");
        var importPage = await PageAsync(Demo.OrgAdminA, "/units/import");

        Assert.Contains("单位管理", mine, StringComparison.Ordinal);
        Assert.Contains("新增单位", mine, StringComparison.Ordinal);
        Assert.Contains("href=\"units/import\"", mine, StringComparison.Ordinal);
        Assert.Contains("api/v1/units/export", mine, StringComparison.Ordinal);
        Assert.Contains("data-refused", foreign, StringComparison.Ordinal);
        Assert.Contains("api/v1/units/import/template", importPage, StringComparison.Ordinal);
    }

    private async Task<(Demo.Townships T, string AreaCode, string BranchCode)> CodesAsync()
    {
        var t = await app.TownshipsAsync();
        return await app.WithDbAsync(async db => (t,
            await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Code).FirstAsync(),
            await db.Organizations.Where(o => o.Id == t.BranchOfA).Select(o => o.Code).FirstAsync()));
    }

    private static Dictionary<string, object?> Row(string name, string kind, string area, string? organization, int? headcount) => new()
    {
        ["单位名称"] = name, ["单位类型"] = kind, ["所属乡镇（街道）代码"] = area, ["覆盖党组织代码"] = organization, ["人数"] = headcount,
    };

    private static byte[] Build(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    private Task<(int Units, int Audit)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Units.CountAsync(), await db.AuditEntries.CountAsync()));

    private async Task<string> PageAsync(string userName, string path)
    {
        var client = await app.SignInAsync(userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnitImportSqliteTests(SqliteApp app) : UnitImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnitImportPostgresTests(PostgresApp app) : UnitImportTests(app);
