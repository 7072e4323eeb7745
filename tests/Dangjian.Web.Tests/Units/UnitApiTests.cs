using System.Net;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Units;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Units;

/// <summary>ORG-4: units, coverage and the 空白点 report, inside the caller's area.</summary>
public abstract class UnitApiTests(AppFixture app)
{
    [Fact]
    public async Task Uncovered_ListsOnlyUnitsWithoutOrganization_InOwnArea()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var all = await (await admin.GetAsync("/api/v1/units?uncovered=true&pageSize=200")).ReadAsync<Paged<UnitRow>>();
        Assert.InRange(all.Total, 1, 200);
        Assert.All(all.Items, u => Assert.Null(u.OrganizationId));

        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var mine = await (await a.GetAsync("/api/v1/units?pageSize=200")).ReadAsync<Paged<UnitRow>>();
        Assert.NotEmpty(mine.Items);
        // Areas are township committees; tests of other modules may file a unit under one of A's own organizations.
        var inA = await app.WithDbAsync(db => db.Organizations.Where(o => db.Organizations.Any(x => x.Id == t.A && o.Path.StartsWith(x.Path))).Select(o => o.Id).ToListAsync());
        Assert.All(mine.Items, u => Assert.Contains(u.AreaOrganizationId, inA));
    }

    [Fact]
    public async Task LinkingAnOrganization_RemovesUnitFromGaps_AndExportReflectsIt()
    {
        var t = await app.TownshipsAsync();
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var created = await a.PostJsonAsync("/api/v1/units", new UnitRequest("测试科技有限公司", UnitKind.Enterprise, t.A, null, 120));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.ReadAsync<UnitRow>();
        var gaps = await (await a.GetAsync("/api/v1/units?uncovered=true&search=测试科技&pageSize=200")).ReadAsync<Paged<UnitRow>>();
        Assert.Contains(gaps.Items, u => u.Id == unit.Id);

        var export = await a.GetAsync("/api/v1/units/uncovered/export");
        Assert.Equal(ExcelFile.ContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => Equals(r["单位名称"], "测试科技有限公司"));

        var linked = await a.PutJsonAsync($"/api/v1/units/{unit.Id}", new UnitRequest(unit.Name, unit.Kind, t.A, t.BranchOfA, 120, unit.Version));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        gaps = await (await a.GetAsync("/api/v1/units?uncovered=true&search=测试科技&pageSize=200")).ReadAsync<Paged<UnitRow>>();
        Assert.DoesNotContain(gaps.Items, u => u.Id == unit.Id);
    }

    [Fact]
    public async Task OrgAdminOfA_IsRefusedUnitsOfB()
    {
        var t = await app.TownshipsAsync();
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var unitOfB = await app.WithDbAsync(db => Task.FromResult(db.Units.First(u => u.AreaOrganizationId == t.B)));

        var create = await a.PostJsonAsync("/api/v1/units", new UnitRequest("越权单位", UnitKind.Enterprise, t.B, null, 1));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var update = await a.PutJsonAsync($"/api/v1/units/{unitOfB.Id}", new UnitRequest("越权改名", unitOfB.Kind, t.A, null, 1, unitOfB.Version));
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        var linkToB = await a.PostJsonAsync("/api/v1/units", new UnitRequest("挂到乙镇", UnitKind.Enterprise, t.A, t.BranchOfB, 1));
        Assert.Equal(HttpStatusCode.Forbidden, linkToB.StatusCode);

        var list = await (await a.GetAsync("/api/v1/units?pageSize=200")).ReadAsync<Paged<UnitRow>>();
        Assert.DoesNotContain(list.Items, u => u.Id == unitOfB.Id);
        var after = await app.WithDbAsync(db => Task.FromResult(db.Units.First(u => u.Id == unitOfB.Id)));
        Assert.Equal(unitOfB.Name, after.Name);
    }

    [Fact]
    public async Task Create_WithoutNameOrKind_NamesFields()
    {
        var t = await app.TownshipsAsync();
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var errors = await (await a.PostJsonAsync("/api/v1/units", new UnitRequest("", null, t.A, null, -1))).ProblemErrorsAsync();
        Assert.Contains("name", errors.Keys);
        Assert.Contains("kind", errors.Keys);
        Assert.Contains("headcount", errors.Keys);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnitApiSqliteTests(SqliteApp app) : UnitApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnitApiPostgresTests(PostgresApp app) : UnitApiTests(app);
