using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.People;

/// <summary>
/// A row as read: values that parsed, and the problems of its cells (localized only if reported). A province's roster
/// holds a million of these at once, so a clean row allocates no error collections.
/// </summary>
internal sealed class RosterDraft(int row)
{
    private HashSet<RosterColumn>? _bad;
    private List<(string? Column, string Code, object[] Arguments)>? _errors;

    public int Row { get; } = row;

    public IReadOnlyList<(string? Column, string Code, object[] Arguments)> Errors => _errors ?? [];

    public bool HasErrors => _errors is { Count: > 0 };

    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? NormalizedId { get; set; }

    public Gender? Gender { get; set; }

    public DateOnly? BirthDate { get; set; }

    public MemberStatus? Status { get; set; }

    public DateOnly? JoinedPartyOn { get; set; }

    public DateOnly? FullMemberOn { get; set; }

    public bool IsCadre { get; set; }

    public string? OrganizationCode { get; set; }

    public string? Phone { get; set; }

    public string? Ethnicity { get; set; }

    public string? Education { get; set; }

    public string? Workplace { get; set; }

    public DuesCategory? DuesCategory { get; set; }

    public decimal? DuesBase { get; set; }

    public bool IsBad(RosterColumn column) => _bad?.Contains(column) == true;

    /// <summary>Records a problem; a column with one problem is not checked further, so each cell gets one reason.</summary>
    public void Fail(RosterColumn? column, string? header, string code, params object[] arguments)
    {
        if (column is { } c)
        {
            (_bad ??= []).Add(c);
        }

        (_errors ??= []).Add((header, code, arguments));
    }
}

/// <summary>
/// The rows on which each valid ID number appears: one number per row for a clean file, so the repeats (an error) are
/// kept apart and a clean million-row file holds no list per row.
/// </summary>
internal sealed class RosterIdRows
{
    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _repeated = new(StringComparer.Ordinal);

    public IEnumerable<string> Ids => _first.Keys;

    public void Add(string id, int row)
    {
        if (!_first.TryAdd(id, row))
        {
            if (!_repeated.TryGetValue(id, out var rows))
            {
                _repeated[id] = rows = [_first[id]];
            }

            rows.Add(row);
        }
    }

    /// <summary>The other rows with this number, in file order.</summary>
    public List<int> Others(string id, int row) => _repeated.TryGetValue(id, out var rows) ? rows.Where(r => r != row).ToList() : [];
}

/// <summary>The sheet as read: the header each known column had in the file, and the data rows.</summary>
internal sealed record RosterSheet(Dictionary<RosterColumn, string> Headers, List<RosterDraft> Drafts)
{
    /// <summary>The header as the file wrote it, or the template's when the file left the column out.</summary>
    public string HeaderOf(RosterColumn column, IStringLocalizer<PeopleText> text) =>
        Headers.TryGetValue(column, out var h) ? h : text[RosterColumns.ResourceKey(column)].Value;
}

/// <summary>Collects problems, keeping the first <see cref="RosterImport.MaxReportedErrors"/> (localized) and counting all.</summary>
internal sealed class RosterReport(IStringLocalizer<RuleText> rules)
{
    private readonly List<ImportError> _errors = [];

    public int Count { get; private set; }

    public void Add(int? row, string? column, string code, params object[] arguments)
    {
        Count++;
        if (_errors.Count < RosterImport.MaxReportedErrors)
        {
            _errors.Add(new ImportError(row, column, FieldErrors.Localize(rules, code, arguments)));
        }
    }

    public void AddAll(RosterDraft d)
    {
        foreach (var (column, code, arguments) in d.Errors)
        {
            Add(d.Row, column, code, arguments);
        }
    }

    public void Clear()
    {
        _errors.Clear();
        Count = 0;
    }

    public RosterImportResult File(string code, params object[] arguments)
    {
        Add(null, null, code, arguments);
        return Result(0);
    }

    public RosterImportResult Result(int rows) => new(0, rows, _errors.ToList(), Count);
}
