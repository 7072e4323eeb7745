using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Domain.Dues;
using Dangjian.Web.Features.People;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Dues;

/// <summary>
/// The roster import's optional dues columns (DUE-1: 党费类别, 党费基数): a bad cell refuses the whole file and is named by
/// row and column; a clean file sets each member's profile from the month of the import, checked by the same rule as a
/// profile set by hand; rows without the columns import as before.
/// </summary>
public abstract class RosterDuesImportTests(AppFixture app)
{
    private const string Url = "/api/v1/people/import";

    [Fact]
    public async Task Import_BadDuesCells_RefuseTheWholeFile_NamingEachCell()
    {
        var (client, code) = await ClientAsync();
        var tag = Demo.UniqueCode("费");
        var good = Row("好" + tag, code, "在职", 4200);
        var unknown = Row("类" + tag, code, "公务员", 4200);
        var negative = Row("负" + tag, code, "离退休", -1);
        var farmer = Row("农" + tag, code, "农民", 1.5);
        var resident = Row("群" + tag, code, "在职", 3000);
        resident["人员类别"] = "群众";
        resident["入党日期"] = null;
        resident["转正日期"] = null;
        var baseOnly = Row("缺" + tag, code, null, 3000);

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([good, unknown, negative, farmer, resident, baseOnly])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        Assert.Equal([(3, "党费类别"), (4, "党费基数"), (5, "党费基数"), (6, "党费类别"), (7, "党费类别")], errors.Select(e => (e.Row ?? 0, e.Column ?? string.Empty)));
        Assert.Contains("党费类别", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("党员", errors[3].Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name.EndsWith(tag))));
    }

    [Fact]
    public async Task Import_CleanDuesCells_SetEachProfileFromThisMonth_RowsWithoutThemHaveNone()
    {
        var (client, code) = await ClientAsync();
        var tag = Demo.UniqueCode("费");
        var none = RosterFiles.Member("无" + tag, code);

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([
            Row("薪" + tag, code, "在职", 4200), Row("农" + tag, code, "农民", 0.5), Row("学" + tag, code, "学生", null), none])));

        Assert.Equal(4, (await response.ReadAsync<RosterImportSummary>()).Imported);
        var profiles = await app.WithDbAsync(db => db.DuesProfiles.Join(db.People.Where(p => p.Name.EndsWith(tag)), d => d.PersonId, p => p.Id, (d, p) => new { p.Name, d.Category, d.Base, d.Amount, d.FromMonth }).ToListAsync());
        var month = new DateOnly(OrgToday.Value.Year, OrgToday.Value.Month, 1);
        Assert.Equal(
            [("农" + tag, DuesCategory.Farmer, (decimal?)null, (decimal?)0.5m), ("学" + tag, DuesCategory.Student, null, null), ("薪" + tag, DuesCategory.Salaried, 4200m, null)],
            profiles.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.Category, p.Base, p.Amount)));
        Assert.All(profiles, p => Assert.Equal(month, p.FromMonth));
    }

    private async Task<(HttpClient Client, string Code)> ClientAsync()
    {
        var t = await app.TownshipsAsync();
        var code = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfA).Select(o => o.Code).FirstAsync());
        return (await app.ClientForAsync(Demo.OrgAdminA), code);
    }

    private static Dictionary<string, object?> Row(string name, string code, string? category, double? dues)
    {
        var row = RosterFiles.Member(name, code);
        row["党费类别"] = category;
        row["党费基数"] = dues;
        return row;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterDuesImportSqliteTests(SqliteApp app) : RosterDuesImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RosterDuesImportPostgresTests(PostgresApp app) : RosterDuesImportTests(app);
