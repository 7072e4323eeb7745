using System.Globalization;
using System.Resources;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.People;

/// <summary>The columns of the roster template, in template order (ORG-6).</summary>
public enum RosterColumn
{
    Name,
    Gender,
    IdNumber,
    BirthDate,
    Status,
    JoinedPartyOn,

    /// <summary>转正日期 (optional column; required of a full member's row, refused on others', 党章 第七条).</summary>
    FullMemberOn,
    OrganizationCode,
    Phone,
    Ethnicity,
    Education,
    Workplace,

    /// <summary>是否干部 (optional): 是/否 (Yes/No); left empty, not a cadre.</summary>
    IsCadre,

    /// <summary>党费类别 (optional): with <see cref="DuesBase"/>, the member's dues profile from the month of the import.</summary>
    DuesCategory,

    /// <summary>党费基数 (optional): the monthly after-tax income or pension, or a farmer's fixed amount.</summary>
    DuesBase,
}

/// <summary>
/// Headers and labels of the roster template. A file is read whichever language its headers and
/// labels are in (姓名 or Name, 正式党员 or Full member), whatever the uploader's UI language is.
/// </summary>
public static class RosterColumns
{
    public static readonly IReadOnlyList<RosterColumn> All = Enum.GetValues<RosterColumn>();

    /// <summary>Columns a file must have; the others may be left out (gender and birth date come from the ID number).</summary>
    public static readonly IReadOnlySet<RosterColumn> Required = new HashSet<RosterColumn>
    {
        RosterColumn.Name, RosterColumn.IdNumber, RosterColumn.Status, RosterColumn.JoinedPartyOn, RosterColumn.OrganizationCode,
    };

    private static readonly Dictionary<string, RosterColumn> ByField = All.ToDictionary(Field, StringComparer.Ordinal);

    private static readonly CultureInfo[] Cultures = [CultureInfo.InvariantCulture, new("en")];
    private static readonly ResourceManager PeopleResources = new(typeof(PeopleText).FullName!, typeof(PeopleText).Assembly);
    private static readonly ResourceManager EnumResources = new(typeof(EnumText).FullName!, typeof(EnumText).Assembly);

    private static readonly Lazy<Dictionary<string, RosterColumn>> Headers = new(() =>
    {
        var map = new Dictionary<string, RosterColumn>(StringComparer.Ordinal);
        foreach (var c in All)
        {
            map[Normalize(c.ToString())] = c;
            foreach (var culture in Cultures)
            {
                if (PeopleResources.GetString(ResourceKey(c), culture) is { } label)
                {
                    map[Normalize(label)] = c;
                }
            }
        }

        return map;
    });

    private static readonly Lazy<Dictionary<string, MemberStatus>> Statuses = new(() =>
    {
        var map = Labels<MemberStatus>();

        // 政治面貌 as many existing rosters write it.
        map[Normalize("中共党员")] = MemberStatus.Full;
        map[Normalize("中共预备党员")] = MemberStatus.Probationary;
        return map;
    });

    private static readonly Lazy<Dictionary<string, Gender>> Genders = new(Labels<Gender>);

    private static readonly Lazy<Dictionary<string, DuesCategory>> DuesCategories = new(Labels<DuesCategory>);

    private static readonly Lazy<Dictionary<string, bool>> YesNo = new(() =>
    {
        var map = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["true"] = true, ["false"] = false, ["1"] = true, ["0"] = false, ["y"] = true, ["n"] = false, [Normalize("干部")] = true,
        };
        foreach (var culture in Cultures)
        {
            foreach (var (key, value) in new[] { ("Cadre.Yes", true), ("Cadre.No", false) })
            {
                if (PeopleResources.GetString(key, culture) is { } label)
                {
                    map[Normalize(label)] = value;
                }
            }
        }

        return map;
    });

    /// <summary>The PeopleText key of a column's header.</summary>
    public static string ResourceKey(RosterColumn c) => "Col." + c;

    /// <summary>The request field (camelCase, as PersonInput names errors) a column fills.</summary>
    public static string Field(RosterColumn c) => c switch
    {
        RosterColumn.OrganizationCode => "organizationId",
        _ => JsonNamingPolicyCamel(c.ToString()),
    };

    public static RosterColumn? ForField(string field) => ByField.TryGetValue(field, out var c) ? c : null;

    /// <summary>The column a header names, in either language; blanks and a required mark (*) are ignored.</summary>
    public static RosterColumn? ForHeader(string? header) =>
        header is not null && Headers.Value.TryGetValue(Normalize(header), out var c) ? c : null;

    public static MemberStatus? ParseStatus(string? label) =>
        label is not null && Statuses.Value.TryGetValue(Normalize(label), out var s) ? s : null;

    public static Gender? ParseGender(string? label) =>
        label is not null && Genders.Value.TryGetValue(Normalize(label), out var g) ? g : null;

    /// <summary>是/否, Yes/No (either language), true/false, 1/0; null when the cell says something else.</summary>
    public static bool? ParseYesNo(string? label) =>
        label is not null && YesNo.Value.TryGetValue(Normalize(label), out var b) ? b : null;

    public static DuesCategory? ParseDuesCategory(string? label) =>
        label is not null && DuesCategories.Value.TryGetValue(Normalize(label), out var c) ? c : null;

    private static Dictionary<string, T> Labels<T>()
        where T : struct, Enum
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var v in Enum.GetValues<T>())
        {
            map[Normalize(v.ToString())] = v;
            foreach (var culture in Cultures)
            {
                if (EnumResources.GetString($"{typeof(T).Name}.{v}", culture) is { } label)
                {
                    map[Normalize(label)] = v;
                }
            }
        }

        return map;
    }

    private static string Normalize(string s) =>
        string.Concat(s.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('*' or '＊'))).ToLowerInvariant();

    private static string JsonNamingPolicyCamel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
