using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Tests.Common;

/// <summary>
/// Every endpoint that takes an .xlsx file as its body refuses another content type with a 415 and a body over
/// "Dangjian:MaxUploadBytes" (32 MB here) with a 413, both as ProblemDetails in our words, before reading the file,
/// and says in the OpenAPI document that it takes an .xlsx body. The score import checks its campaign's scope first (a
/// file for a campaign out of reach is refused unread), so it is called on a campaign the caller runs.
/// </summary>
public abstract class ExcelUploadTests(AppFixture app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The upload endpoints; "{campaign}" stands for a campaign the caller runs, other ids are no record's.</summary>
    public static TheoryData<string, string> Uploads => new()
    {
        { "/api/v1/people/import", "/api/v1/people/import" },
        { "/api/v1/calendar/years/xlsx?year=2031", "/api/v1/calendar/years/xlsx" },
        { "/api/v1/evaluations/{campaign}/scores/import", "/api/v1/evaluations/{id}/scores/import" },
        { "/api/v1/evaluations/groups/2147480000/draw/residents?count=1", "/api/v1/evaluations/groups/{groupId}/draw/residents" },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Upload_WrongContentType_Is415InOurWords(string url, string route)
    {
        _ = route;
        var client = await app.ClientForAsync(Demo.DistrictAdmin);

        var response = await client.PostAsync(await FillAsync(url), new StringContent("编号,姓名\n1,张三", System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".xlsx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Upload_OverTheSizeLimit_Is413InOurWords(string url, string route)
    {
        _ = route;
        var limit = app.Services.GetRequiredService<IOptions<DangjianOptions>>().Value.MaxUploadBytes;
        Assert.Equal(32 * 1024 * 1024, limit); // the default README's settings table gives
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        var body = new ByteArrayContent(new byte[limit + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);

        var response = await client.PostAsync(await FillAsync(url), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"{limit / (1024 * 1024)} MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task OpenApi_DescribesTheBodyAsXlsx_AndThe413And415Answers(string url, string route)
    {
        _ = url;
        var client = await app.ClientForAsync(Demo.DistrictAdmin);

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var post = doc.GetProperty("paths").GetProperty(route).GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty(Xlsx, out _), route);
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _), route);
        Assert.True(post.GetProperty("responses").TryGetProperty("415", out _), route);
    }

    private async Task<string> FillAsync(string url) =>
        url.Contains("{campaign}", StringComparison.Ordinal)
            ? url.Replace("{campaign}", (await app.DraftAsync(Demo.DistrictAdmin)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : url;
}

[Collection(SqliteCollection.Name)]
public sealed class ExcelUploadSqliteTests(SqliteApp app) : ExcelUploadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExcelUploadPostgresTests(PostgresApp app) : ExcelUploadTests(app);
