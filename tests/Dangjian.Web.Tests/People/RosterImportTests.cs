using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Infrastructure;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dangjian.Web.Tests.People;

/// <summary>ORG-6: roster import from .xlsx, all-or-nothing, every bad cell named by row and column.</summary>
public abstract class RosterImportTests(AppFixture app, ITestOutputHelper output)
{
    private const string Url = "/api/v1/people/import";

    [Fact]
    public async Task Template_Downloads_AsXlsxWithHeadersAndAValidExampleRow()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.GetAsync("/api/v1/people/import/template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = RosterFiles.Read(await response.Content.ReadAsByteArrayAsync());
        var example = Assert.Single(rows);
        Assert.Equal(RosterFiles.Headers, example.Keys);
        Assert.True(IdNumber.IsValid(example["身份证号码"] as string, OrgToday.Value));

        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/people/import/template");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = RosterFiles.Read(await (await client.SendAsync(english)).Content.ReadAsByteArrayAsync());
        Assert.Contains("ID number", Assert.Single(en).Keys);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Template_SampleRowLeftIn_IsRefusedByName_AndNothingImported_UntilDeleted(string language)
    {
        // The template as the import page downloads it (signed in, the page's link), one real row filled in below the sample.
        var cookie = await app.SignInAsync(Demo.OrgAdminA);
        var pageHtml = await cookie.GetStringAsync("/people/import");
        Assert.Contains("href=\"api/v1/people/import/template\"", pageHtml, StringComparison.Ordinal);
        var download = new HttpRequestMessage(HttpMethod.Get, "/api/v1/people/import/template");
        download.Headers.AcceptLanguage.ParseAdd(language);
        var template = await (await cookie.SendAsync(download)).Content.ReadAsByteArrayAsync();
        var rows = RosterFiles.Read(template);
        var sample = Assert.Single(rows);
        var headers = sample.Keys.ToList(); // in the template's language, in RosterFiles.Headers' order
        var sampleName = (string)sample[headers[0]]!;
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var real = RosterFiles.Member("真实党员", codeA);
        using var file = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(file, new[] { sample, headers.Select((h, i) => (h, real[RosterFiles.Headers[i]])).ToDictionary(x => x.h, x => x.Item2) });
        var withSample = file.ToArray();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await CountsAsync();

        var post = new HttpRequestMessage(HttpMethod.Post, Url) { Content = RosterFiles.Content(withSample) };
        post.Headers.AcceptLanguage.ParseAdd(language);
        var refused = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        output.WriteLine(string.Join("\n", errors));
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Row);
        Assert.Equal(headers[0], error.Column);
        Assert.Contains(sampleName, error.Message, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "delete" : "删除", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync());

        // Deleting the sample row is all it takes.
        var accepted = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([real])));
        Assert.Equal(1, (await accepted.ReadAsync<RosterImportSummary>()).Imported);
    }

    [Fact]
    public async Task Import_OrganizationCodeOutOfFormat_SaysWhatACodeLooksLike()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([
            RosterFiles.Member("代码小写", codeA.ToLowerInvariant()),  // row 2: the right code in the wrong case
            RosterFiles.Member("代码未知", "D99.T99"),                 // row 3: in format, but no such organization
        ])));

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        var format = Assert.Single(errors, e => e.Row == 2);
        Assert.Equal("组织代码", format.Column);
        Assert.Contains("大写字母", format.Message, StringComparison.Ordinal);
        var unknown = Assert.Single(errors, e => e.Row == 3);
        Assert.DoesNotContain("大写字母", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FarFutureDates_NamedByRowAndColumn_Not500()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var farBirth = RosterFiles.Member("远生", codeA);
        farBirth["出生日期"] = "9999-12-31";
        var farJoin = RosterFiles.Member("远入", codeA);
        farJoin["入党日期"] = "9982-01-01";
        var before = await CountsAsync();

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([farBirth, farJoin])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "出生日期" && e.Message.Contains("2199-12-31", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "入党日期" && e.Message.Contains("2199-12-31", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_FileWithBadRows_NamesEachRowAndColumn_AndImportsNothing()
    {
        var t = await app.TownshipsAsync();
        var (codeA, codeB) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var dup = RosterFiles.NewIdNumber();
        var badDate = RosterFiles.Member("日期错", codeA);
        badDate["出生日期"] = "1985-13-45";
        var rows = new List<IDictionary<string, object?>>
        {
            RosterFiles.Member("好人一", codeA),                                                   // row 2: clean
            RosterFiles.Member("校验错", codeA, RosterFiles.WithBadChecksum(RosterFiles.NewIdNumber())), // row 3
            badDate,                                                                               // row 4
            RosterFiles.Member("代码错", "NO-SUCH-CODE"),                                           // row 5
            RosterFiles.Member("重复甲", codeA, dup),                                                // row 6
            RosterFiles.Member("重复乙", codeA, dup),                                                // row 7
            RosterFiles.Member("公式", codeA),                                                      // row 8: formula in 联系电话 (I8)
            WithCell(RosterFiles.Member("超长", codeA), "工作单位及职务", new string('长', 10 * 1024 * 1024)), // row 9: a 10 MB cell
            RosterFiles.Member("越权", codeB),                                                      // row 10: township B's branch
            WithCell(RosterFiles.Member("等号", codeA), "民族", "=HYPERLINK(\"http://x\")"),          // row 11
        };
        var file = RosterFiles.WithFormulas(RosterFiles.Build(rows), "I8");
        var before = await CountsAsync();

        var response = await client.PostAsync(Url, RosterFiles.Content(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        output.WriteLine(string.Join("\n", errors));
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "身份证号码" && e.Message.Contains("校验位", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "出生日期" && e.Message.Contains("出生日期不是有效日期", StringComparison.Ordinal));
        var unknownOrg = Assert.Single(errors, e => e.Row == 5);
        Assert.Equal("组织代码", unknownOrg.Column);
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "身份证号码" && e.Message.Contains("第 7 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "身份证号码" && e.Message.Contains("第 6 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 8 && e.Column == "联系电话" && e.Message.Contains("I8", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 9 && e.Column == "工作单位及职务" && e.Message.Contains("1000", StringComparison.Ordinal));
        var outOfScope = Assert.Single(errors, e => e.Row == 10);
        Assert.Equal(unknownOrg.Message, outOfScope.Message);
        Assert.Contains(errors, e => e.Row == 11 && e.Column == "民族");
        Assert.Equal(errors.Count, problem.GetProperty("errorCount").GetInt32());
        Assert.Contains("没有导入", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("3/身份证号码", out _));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_HeaderWithoutRequiredColumns_NamesThem()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["姓名"] = "某人", ["性别"] = "男", ["备注"] = "x" } });

        var response = await client.PostAsync(Url, RosterFiles.Content(stream.ToArray()));

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        Assert.Contains(errors, e => e.Row == 1 && e.Column == "身份证号码" && e.Message.Contains("缺少必填列", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 1 && e.Column == "组织代码");
    }

    [Fact]
    public async Task Import_FullMemberDayOutsideTheProbation_OrOnAProbationaryRow_NamedByRowAndColumn_NothingStored()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var prefix = Demo.UniqueCode("转");
        var good = RosterFiles.Member(prefix + "好", codeA);
        var early = RosterFiles.Member(prefix + "早", codeA);
        var joined = DateOnly.ParseExact((string)early["入党日期"]!, "yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture);
        early["转正日期"] = joined.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var missing = WithCell(RosterFiles.Member(prefix + "缺", codeA), "转正日期", null);
        var probationary = WithCell(RosterFiles.Member(prefix + "预", codeA), "人员类别", "预备党员");
        var badCadre = WithCell(RosterFiles.Member(prefix + "干", codeA), "是否干部", "也许");
        var before = await CountsAsync();

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([good, early, missing, probationary, badCadre])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").Deserialize<List<ImportError>>(Http.Json)!;
        // Row 4, a full member whose day is not known, is no error: a day given is held to the rule, none may be left empty.
        Assert.Equal([(3, "转正日期"), (5, "转正日期"), (6, "是否干部")], errors.Select(e => (e.Row ?? 0, e.Column ?? string.Empty)));
        Assert.Contains("党章第七条", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("预备党员", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_FullMemberDayAndCadre_AreStored_AndExported()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var prefix = Demo.UniqueCode("干");
        var cadre = WithCell(RosterFiles.Member(prefix + "甲", codeA), "是否干部", "是");
        var joined = DateOnly.ParseExact((string)cadre["入党日期"]!, "yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture);
        cadre["转正日期"] = joined.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); // probation extended by the most allowed
        var plain = RosterFiles.Member(prefix + "乙", codeA);
        var plainJoined = DateOnly.ParseExact((string)plain["入党日期"]!, "yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([cadre, plain])));

        Assert.Equal(2, (await response.ReadAsync<RosterImportSummary>()).Imported);
        var stored = (await app.WithDbAsync(db => db.People.Where(p => p.Name.StartsWith(prefix)).ToListAsync())).ToDictionary(p => p.Name);
        Assert.Equal((true, joined.AddYears(2)), (stored[prefix + "甲"].IsCadre, stored[prefix + "甲"].FullMemberOn!.Value));
        Assert.Equal((false, plainJoined.AddYears(1)), (stored[prefix + "乙"].IsCadre, stored[prefix + "乙"].FullMemberOn!.Value));
        var cadres = await (await client.GetAsync($"/api/v1/people?organizationId={t.BranchOfA}&name={Uri.EscapeDataString(prefix)}&cadre=true")).ReadAsync<Paged<PersonRow>>();
        Assert.Equal([prefix + "甲"], cadres.Items.Select(p => p.Name));
        var export = RosterFiles.Read(await client.GetByteArrayAsync($"/api/v1/people/export?organizationId={t.BranchOfA}&name={Uri.EscapeDataString(prefix)}&cadre=true"));
        var row = Assert.Single(export);
        Assert.Equal(("是", joined.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ((string?)row["是否干部"], (string?)row["转正日期"]));
    }

    [Fact]
    public async Task Import_EnglishHeadersAndLabels_AreRead()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var id = RosterFiles.NewIdNumber();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object?>
            {
                ["Name"] = "English Header", ["ID number"] = id, ["Status"] = "Probationary member",
                ["Joined the party"] = IdNumber.BirthDateOf(id)!.Value.AddYears(20).ToDateTime(TimeOnly.MinValue), // a real date cell
                ["Organization code"] = codeA,
            },
        });

        var response = await client.PostAsync(Url, RosterFiles.Content(stream.ToArray()));

        Assert.Equal(1, (await response.ReadAsync<RosterImportSummary>()).Imported);
        var person = await app.WithDbAsync(db => db.People.FirstAsync(p => p.IdNumber == id));
        Assert.Equal(MemberStatus.Probationary, person.Status);
        Assert.Equal(IdNumber.GenderOf(id), person.Gender);
        Assert.Equal(IdNumber.BirthDateOf(id)!.Value.AddYears(20), person.JoinedPartyOn);
    }

    [Fact]
    public async Task Import_IdNumberStoredAsNumber_SaysSo()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var row = RosterFiles.Member("数字身份证", codeA);
        row["身份证号码"] = 650104198001011234d;

        var response = await client.PostAsync(Url, RosterFiles.Content(RosterFiles.Build([row])));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("文本", Assert.Single(errors["2/身份证号码"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WrongContentType_Is415()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var file = RosterFiles.Build([RosterFiles.Member("类型", "X")]);

        var response = await client.PostAsync(Url, RosterFiles.Content(file, "text/csv"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".xlsx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheImportBodyAsXlsx()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var body = doc.GetProperty("paths").GetProperty(Url).GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(body.TryGetProperty(ExcelFile.ContentType, out _));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("zip")]
    [InlineData("empty")]
    public async Task Import_NotAWorkbook_Is400WithOneClearMessage(string kind)
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        byte[] body = kind switch
        {
            "garbage" => System.Text.Encoding.UTF8.GetBytes("这不是 Excel 文件 " + new string('x', 5000)),
            "zip" => ZipWithoutWorkbook(),
            _ => [],
        };
        var before = await CountsAsync();

        var response = await client.PostAsync(Url, RosterFiles.Content(body));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("Excel", Assert.Single(Assert.Single(errors).Value), StringComparison.Ordinal);
        Assert.Equal("file", errors.Keys.Single());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_HeaderOnly_SaysTheFileIsEmpty()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { RosterFiles.Headers.ToDictionary(h => h, _ => (object?)null) });

        var response = await client.PostAsync(Url, RosterFiles.Content(stream.ToArray()));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("没有人员数据", Assert.Single(errors["file"]), StringComparison.Ordinal);
    }

    /// <summary>The default "Dangjian:MaxUploadBytes" (32 MiB), which the test apps keep.</summary>
    private static readonly int UploadLimit = (int)new Dangjian.Web.Infrastructure.DangjianOptions().MaxUploadBytes;

    [Fact]
    public async Task Import_OversizedBody_Is413()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var body = new byte[UploadLimit + 1];

        var response = await client.PostAsync(Url, RosterFiles.Content(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("32 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OversizedBodyWithoutLength_Is413()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var content = new StreamContent(new UnknownLengthStream(UploadLimit + 100));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ExcelFile.ContentType);

        var response = await client.PostAsync(Url, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Import_CleanFile_AddsEveryone_WithAudit_AndTheSameFileAgainIsRefused()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var prefix = "导入" + Guid.NewGuid().ToString("N")[..6];
        var file = RosterFiles.Build(Enumerable.Range(1, 50).Select(i => (IDictionary<string, object?>)RosterFiles.Member($"{prefix}{i:00}", codeA)));
        var before = await CountsAsync();

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(Url, RosterFiles.Content(file));
        output.WriteLine($"{app.ProviderName}: 50 rows imported in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(50, (await response.ReadAsync<RosterImportSummary>()).Imported);
        var roster = await (await client.GetAsync($"/api/v1/people?name={prefix}&pageSize=100")).ReadAsync<Paged<PersonRow>>();
        Assert.Equal(50, roster.Total);
        Assert.All(roster.Items, p => Assert.Equal(t.BranchOfA, p.OrganizationId));
        var history = await (await client.GetAsync($"/api/v1/people/{roster.Items[0].Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Contains(history, h => h.Action == "Created" && h.Actor == Demo.OrgAdminA);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        var summary = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Roster.Imported" && a.EntityId == sha));
        Assert.Equal(Demo.OrgAdminA, summary.Actor);
        Assert.Contains("\"Rows\":50", summary.After, StringComparison.Ordinal);
        var after = await CountsAsync();
        Assert.Equal(before.People + 50, after.People);
        Assert.Equal(before.Audit + 51, after.Audit);

        var again = await client.PostAsync(Url, RosterFiles.Content(file));

        var errors = await again.ProblemErrorsAsync();
        Assert.Equal(50, errors.Count);
        Assert.All(errors, e => Assert.Contains("已被他人使用", Assert.Single(e.Value), StringComparison.Ordinal));
        Assert.Equal(after, await CountsAsync());
    }

    /// <summary>People per batch of the insert on this provider.</summary>
    private int Batch => app.ProviderName == "Postgres" ? RosterImport.PostgresBatchSize : RosterImport.SqliteBatchSize;

    [Fact]
    public async Task Import_ManyBatches_AllArrive()
    {
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var prefix = "批量" + Guid.NewGuid().ToString("N")[..6];
        var batch = Batch;
        var file = RosterFiles.Build(Enumerable.Range(1, (2 * batch) + 100).Select(i => (IDictionary<string, object?>)RosterFiles.Member($"{prefix}{i:0000}", codeA)));
        var before = await CountsAsync();
        var reports = new List<ImportProgress>();

        var clock = Stopwatch.StartNew();
        var result = await ImportAsAsync(Demo.OrgAdminA, file, new SyncProgress(reports.Add), CancellationToken.None);
        output.WriteLine($"{app.ProviderName}: {(2 * batch) + 100:N0} rows imported in {clock.ElapsedMilliseconds} ms");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((2 * batch) + 100, result.Imported);
        Assert.Equal(new[] { 0, batch, 2 * batch, (2 * batch) + 100 }, reports.Where(r => r.Phase == ImportPhase.Importing).Select(r => r.Done));
        // After the last row, the page says the counts are being filled rather than sitting at 100 %.
        Assert.Equal(new ImportProgress(ImportPhase.Finishing, (2 * batch) + 100, (2 * batch) + 100), reports[^1]);
        var after = await CountsAsync();
        Assert.Equal(before.People + (2 * batch) + 100, after.People);
        Assert.Equal(before.Audit + (2 * batch) + 101, after.Audit);
    }

    [Fact]
    public async Task Import_CancelledAfterTheFirstBatch_LeavesTheDatabaseUnchanged()
    {
        // Stands in for a process killed mid-import: the batches already saved are inside one transaction that never commits.
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var prefix = "中断" + Guid.NewGuid().ToString("N")[..6];
        var batch = Batch;
        var file = RosterFiles.Build(Enumerable.Range(1, (2 * batch) + 500).Select(i => (IDictionary<string, object?>)RosterFiles.Member($"{prefix}{i:0000}", codeA)));
        var before = await CountsAsync();
        using var cancel = new CancellationTokenSource();
        var saved = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsAsync(Demo.OrgAdminA, file, new SyncProgress(p =>
        {
            if (p.Phase == ImportPhase.Importing && p.Done >= batch)
            {
                saved = p.Done;
                cancel.Cancel();
            }
        }), cancel.Token));

        Assert.Equal(batch, saved);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name.StartsWith(prefix))));
    }

    [Fact]
    public async Task ImportFile_ABadLastRow_IsNamed_AndNothingChanges_ThenTheCleanFileGoesInWhole()
    {
        // The server-side path for a province's roster: the same checks, messages and audit as an upload.
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var prefix = "文件" + Guid.NewGuid().ToString("N")[..6];
        var rows = Enumerable.Range(1, 1_200).Select(i => RosterFiles.Member($"{prefix}{i:0000}", codeA)).ToList();
        var badRows = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        badRows[^1]["身份证号码"] = RosterFiles.WithBadChecksum((string)badRows[^1]["身份证号码"]!);
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(good, RosterFiles.Build(rows));
            await File.WriteAllBytesAsync(bad, RosterFiles.Build(badRows));
            var before = await CountsAsync();

            var refused = await ImportAsAsync(Demo.OrgAdminA, i => i.ImportFileAsync(bad));

            var error = Assert.Single(refused.Errors);
            Assert.Equal((1_201, "身份证号码"), (error.Row, error.Column));
            Assert.Equal(0, refused.Imported);
            Assert.Equal(before, await CountsAsync());

            var imported = await ImportAsAsync(Demo.OrgAdminA, i => i.ImportFileAsync(good));

            Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
            Assert.Equal(1_200, imported.Imported);
            Assert.Equal((before.People + 1_200, before.Audit + 1_201), await CountsAsync());
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(good)));
            Assert.Equal(Demo.OrgAdminA, (await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Roster.Imported" && a.EntityId == sha))).Actor);
            var client = await app.ClientForAsync(Demo.OrgAdminA);
            var roster = await (await client.GetAsync($"/api/v1/people?name={prefix}&pageSize=1")).ReadAsync<Paged<PersonRow>>();
            Assert.Equal(1_200, roster.Total);
            var history = await (await client.GetAsync($"/api/v1/people/{roster.Items[0].Id}/history")).ReadAsync<List<HistoryEntry>>();
            Assert.Contains(history, h => h.Action == "Created" && h.Actor == Demo.OrgAdminA);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task ServerFolder_ListsItsRosters_ImportsOneByName_RefusesAPathOrAnUnknownName()
    {
        // ORG-6 at a province's size: the operator copies the file into Dangjian:ImportFolder, the administrator imports it by name.
        var t = await app.TownshipsAsync();
        var (codeA, _) = await CodesAsync(t);
        var prefix = "夹" + Guid.NewGuid().ToString("N")[..6];
        var name = $"roster-{prefix[1..]}.xlsx";
        await File.WriteAllBytesAsync(Path.Combine(app.ImportFolder, name),
            RosterFiles.Build([.. Enumerable.Range(1, 30).Select(i => RosterFiles.Member($"{prefix}{i:00}", codeA))]));
        await File.WriteAllTextAsync(Path.Combine(app.ImportFolder, $"notes-{prefix[1..]}.txt"), "not a roster");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await CountsAsync();

        var listed = await (await admin.GetAsync("/api/v1/people/import/server-files")).ReadAsync<ServerRosterFiles>();
        Assert.True(listed.Configured);
        var file = Assert.Single(listed.Files, f => f.Name == name);
        Assert.Equal(new FileInfo(Path.Combine(app.ImportFolder, name)).Length, file.Bytes);
        Assert.DoesNotContain(listed.Files, f => f.Name.EndsWith(".txt", StringComparison.Ordinal));

        foreach (var refusedName in new[] { "../" + name, Path.Combine(app.ImportFolder, name), $"notes-{prefix[1..]}.txt", "nobody.xlsx", "" })
        {
            var refused = await admin.PostAsJsonAsync("/api/v1/people/import/server-files", new ImportServerFileRequest(refusedName));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), refusedName);
            Assert.Equal(before, await CountsAsync());
        }

        var response = await admin.PostAsJsonAsync("/api/v1/people/import/server-files", new ImportServerFileRequest(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, (await response.ReadAsync<RosterImportSummary>()).Imported);
        Assert.Equal((before.People + 30, before.Audit + 31), await CountsAsync());
    }

    [Fact]
    public async Task ServerFolder_ASecretaryWithoutImportRight_IsRefused()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/v1/people/import/server-files")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/people/import/server-files", new ImportServerFileRequest("x.xlsx"))).StatusCode);
    }

    private Task<RosterImportResult> ImportAsAsync(string userName, byte[] file, IProgress<ImportProgress> progress, CancellationToken ct) =>
        ImportAsAsync(userName, i => i.ImportAsync(new MemoryStream(file), progress, ct), ct);

    private async Task<RosterImportResult> ImportAsAsync(string userName, Func<RosterImport, Task<RosterImportResult>> import, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync(ct);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userName)], "test"));
        return await import(scope.ServiceProvider.GetRequiredService<RosterImport>());
    }

    private Task<(string A, string B)> CodesAsync(Demo.Townships t) => app.WithDbAsync(async db => (
        await db.Organizations.Where(o => o.Id == t.BranchOfA).Select(o => o.Code).FirstAsync(),
        await db.Organizations.Where(o => o.Id == t.BranchOfB).Select(o => o.Code).FirstAsync()));

    private Task<(int People, int Audit)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.People.CountAsync(), await db.AuditEntries.CountAsync()));

    private static Dictionary<string, object?> WithCell(Dictionary<string, object?> row, string column, object? value)
    {
        row[column] = value;
        return row;
    }

    private static byte[] ZipWithoutWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
        {
            writer.Write("not a workbook");
        }

        return stream.ToArray();
    }

    /// <summary>Reports on the caller's thread, so a test can cancel at an exact point.</summary>
    private sealed class SyncProgress(Action<ImportProgress> onReport) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onReport(value);
    }

    /// <summary>A body whose length the client does not announce (sent chunked).</summary>
    private sealed class UnknownLengthStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterImportSqliteTests(SqliteApp app, ITestOutputHelper output) : RosterImportTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class RosterImportPostgresTests(PostgresApp app, ITestOutputHelper output) : RosterImportTests(app, output);
