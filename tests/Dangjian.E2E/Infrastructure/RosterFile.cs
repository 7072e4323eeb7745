using System.Globalization;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using MiniExcelLibs;

namespace Dangjian.E2E.Infrastructure;

/// <summary>A roster row to upload; the cells are written as a clerk would type them.</summary>
public sealed record RosterRow(
    string Name,
    Gender Gender,
    string IdNumber,
    DateOnly BirthDate,
    MemberStatus Status,
    DateOnly? JoinedPartyOn,
    string OrganizationCode,
    string OrganizationName,
    string? Phone = null,
    string? Workplace = null);

/// <summary>
/// Builds roster .xlsx files for the import page in the layout of its own template: the template's
/// header row is read and each column is filled by what its header names (in either language).
/// </summary>
public static class RosterFile
{
    private static readonly string[] Keys =
    [
        "Col.Name", "Col.Gender", "Col.IdNumber", "Col.BirthDate", "Col.Status", "Col.JoinedPartyOn", "Col.FullMemberOn",
        "Col.OrganizationCode", "Col.Organization", "Col.Phone", "Col.Workplace",
    ];

    /// <summary>A valid ID number (GB 11643) no one else has: a random sequence under a fixed region and the given birth date.</summary>
    public static string NewIdNumber(Random random, DateOnly birth, Gender gender)
    {
        var sequence = (random.Next(0, 500) * 2) + (gender == Gender.Male ? 1 : 0);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110105{birth:yyyyMMdd}{sequence:000}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithBadChecksum(string idNumber)
    {
        var good = idNumber[17];
        var bad = good == '0' ? '1' : good == 'X' ? '0' : (char)(good == '9' ? '0' : good + 1);
        return idNumber[..17] + bad;
    }

    public static IReadOnlyList<string> Headers(byte[] template)
    {
        using var stream = new MemoryStream(template);
        return [.. MiniExcel.GetColumns(stream, useHeaderRow: true)];
    }

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<RosterRow> rows)
    {
        var table = rows.Select(row => headers.ToDictionary(h => h, h => (object?)Cell(h, row))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }

    /// <summary>Reads every row of an .xlsx with a header row (an export), keyed by header.</summary>
    public static List<IDictionary<string, object?>> Read(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private static string? Cell(string header, RosterRow row)
    {
        var name = header.Trim().TrimEnd('*', '＊').Trim();
        foreach (var culture in new[] { Ui.Zh, Ui.En })
        {
            var key = Keys.FirstOrDefault(k => string.Equals(Ui.Text<PeopleText>(k, culture), name, StringComparison.OrdinalIgnoreCase));
            if (key is not null)
            {
                return Value(key, row, culture);
            }
        }

        return null; // a column the test has nothing for stays empty
    }

    private static string? Value(string key, RosterRow row, CultureInfo culture) => key switch
    {
        "Col.Name" => row.Name,
        "Col.Gender" => Ui.Text<EnumText>($"Gender.{row.Gender}", culture),
        "Col.IdNumber" => row.IdNumber,
        "Col.BirthDate" => row.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "Col.Status" => Ui.Text<EnumText>($"MemberStatus.{row.Status}", culture),
        "Col.JoinedPartyOn" => row.JoinedPartyOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // 转正 a year after joining, as most full members (党章 第七条).
        "Col.FullMemberOn" => row.Status == MemberStatus.Full ? row.JoinedPartyOn?.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        "Col.OrganizationCode" => row.OrganizationCode,
        "Col.Organization" => row.OrganizationName,
        "Col.Phone" => row.Phone,
        "Col.Workplace" => row.Workplace,
        _ => null,
    };
}
