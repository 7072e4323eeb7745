using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Common;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.People;

/// <summary>Roster .xlsx files for tests, written with MiniExcel like a user's spreadsheet would be.</summary>
public static partial class RosterFiles
{
    public static readonly string[] Headers = ["姓名", "性别", "身份证号码", "出生日期", "人员类别", "入党日期", "转正日期", "组织代码", "联系电话", "民族", "学历", "工作单位及职务", "是否干部", "党费类别", "党费基数"];

    private static int _counter = Random.Shared.Next(0, 50_000);

    /// <summary>
    /// A valid ID number no other test uses: a region code the demo district does not use (650104),
    /// a birth date from a counter, a sequence and the right check character.
    /// </summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _counter);
        // Births 1950-01-01 to 1980-02-11 (11,000 days), so the fixed join dates the tests give (2000-07-01 the latest) are
        // past each person's 18th birthday whatever the counter reached. With 12,000 days, births ran to November 1982,
        // and a test creating a person who joined on 2000-07-01 was refused whenever the counter fell in the last 130
        // days of a cycle (CI of c2a0627, after the race tests' imports moved the counter there).
        var birth = new DateOnly(1950, 1, 1).AddDays(n % 11_000);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"650104{birth:yyyyMMdd}{n / 11_000 % 1000:000}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithBadChecksum(string id) => id[..17] + (id[17] == '1' ? '2' : '1');

    /// <summary>A clean member row, as a dictionary keyed by the Chinese headers.</summary>
    public static Dictionary<string, object?> Member(string name, string organizationCode, string? idNumber = null)
    {
        var id = idNumber ?? NewIdNumber();
        var birth = IdNumber.BirthDateOf(id)!.Value;
        return new Dictionary<string, object?>
        {
            ["姓名"] = name,
            ["性别"] = IdNumber.GenderOf(id) == Gender.Male ? "男" : "女",
            ["身份证号码"] = id,
            ["出生日期"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["人员类别"] = "正式党员",
            ["入党日期"] = birth.AddYears(30).ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            ["转正日期"] = birth.AddYears(31).ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            ["组织代码"] = organizationCode,
            ["联系电话"] = "13800000000",
            ["民族"] = "汉族",
            ["学历"] = "大专",
            ["工作单位及职务"] = "测试单位",
            ["是否干部"] = null,
            ["党费类别"] = null,
            ["党费基数"] = null,
        };
    }

    public static byte[] Build(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => Headers.ToDictionary(h => h, h => r.TryGetValue(h, out var v) ? v : null)).ToList());
        return stream.ToArray();
    }

    /// <summary>
    /// Turns the given cells (e.g. "G8") into formula cells by adding an &lt;f&gt; element to the sheet XML,
    /// keeping their cached value, the way Excel saves a formula.
    /// </summary>
    public static byte[] WithFormulas(byte[] xlsx, params string[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            foreach (var cell in cells)
            {
                var before = xml;
                xml = Regex.Replace(xml, $"(<(x:)?c r=\"{cell}\"[^>]*?)(/?)>", m =>
                    m.Groups[3].Value == "/"
                        ? $"{m.Groups[1].Value}><{m.Groups[2].Value}f>SUM(1,1)</{m.Groups[2].Value}f></{m.Groups[2].Value}c>"
                        : $"{m.Groups[1].Value}><{m.Groups[2].Value}f>SUM(1,1)</{m.Groups[2].Value}f>");
                Assert.NotEqual(before, xml);
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    public static ByteArrayContent Content(byte[] xlsx, string contentType = ExcelFile.ContentType)
    {
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>The rows of an .xlsx as MiniExcel reads them with the first row as header.</summary>
    public static List<IDictionary<string, object?>> Read(byte[] xlsx) =>
        MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
}
