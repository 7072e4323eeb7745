using System.Globalization;
using System.Net;
using System.Text.Json;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Common;

/// <summary>
/// Paging of every server-side paged list: the last page is partly full, one past it and page int.MaxValue are empty
/// (never the first page again through an overflowing offset), and page 0 or below is refused naming <c>page</c>.
/// </summary>
public abstract class PagingTests(AppFixture app)
{
    /// <summary>Every paged list of the API (the same Paging rule serves them all).</summary>
    public static TheoryData<string> PagedLists => new()
    {
        "/api/v1/people",
        "/api/v1/organizations",
        "/api/v1/units",
        "/api/v1/audit",
        "/api/v1/elections",
        "/api/v1/meetings",
        "/api/v1/meetings/decisions",
        "/api/v1/meetings/democratic-life",
        "/api/v1/meetings/compliance",
        "/api/v1/evaluations",
        "/api/v1/surveys",
    };

    [Fact]
    public async Task People_LastPageAndOnePastIt_PartlyFullThenEmpty()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        const int size = 200;
        var first = await (await client.GetAsync($"/api/v1/people?page=1&pageSize={size}")).ReadAsync<Paged<PersonRow>>();
        var lastPage = (first.Total + size - 1) / size;

        var last = await (await client.GetAsync($"/api/v1/people?page={lastPage}&pageSize={size}")).ReadAsync<Paged<PersonRow>>();
        var past = await (await client.GetAsync($"/api/v1/people?page={lastPage + 1}&pageSize={size}")).ReadAsync<Paged<PersonRow>>();

        Assert.Equal(first.Total - ((lastPage - 1) * size), last.Items.Count);
        Assert.Empty(past.Items);
        Assert.Equal(first.Total, past.Total);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(last.Items.Select(p => p.Id)));
    }

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task PageIntMaxValue_IsEmpty_NotTheFirstPage(string list)
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        foreach (var size in new[] { 1, 20, Paging.MaxPageSize })
        {
            var response = await client.GetAsync(Url(list, int.MaxValue, size));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list} page {int.MaxValue} size {size}: {(int)response.StatusCode} {body}");
            var page = PageOf(JsonDocument.Parse(body).RootElement);
            Assert.Equal(0, page.GetProperty("items").GetArrayLength());
            Assert.Equal(int.MaxValue, page.GetProperty("page").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task PageZeroOrNegative_Is400NamingPage(string list)
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        foreach (var p in new[] { 0, -1, int.MinValue })
        {
            var response = await client.GetAsync(Url(list, p, 20));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("page", (await response.ProblemErrorsAsync()).Keys);
        }
    }

    private static string Url(string list, int page, int size) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}?page={page}&pageSize={size}");

    /// <summary>The Paged object of an answer: the answer itself or the one property of it that is a page.</summary>
    private static JsonElement PageOf(JsonElement root) =>
        root.TryGetProperty("items", out _) ? root : root.EnumerateObject().Select(p => p.Value).First(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("items", out _));
}

[Collection(SqliteCollection.Name)]
public sealed class PagingSqliteTests(SqliteApp app) : PagingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PagingPostgresTests(PostgresApp app) : PagingTests(app);
