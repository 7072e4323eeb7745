using Dangjian.Domain.Common;

namespace Dangjian.Domain.Units;

/// <summary>What the rules of a unit look at: its name, kind, the area it lies in, the organization covering it and its headcount.</summary>
public sealed record UnitFacts(string? Name, UnitKind? Kind, int? AreaOrganizationId, int? OrganizationId, int? Headcount);

/// <summary>
/// The rules of a unit's record (ORG-4), the same for the form, the API and the Excel import:
/// <list type="bullet">
/// <item>a name of 1 to <see cref="Unit.MaxNameLength"/> characters, a known kind and the township/street whose area it lies in;</item>
/// <item>a headcount from 0 to <see cref="MaxHeadcount"/> (left out: 0) — this system's bound, no regulation sets one;</item>
/// <item>no party organization linked is allowed: that is the 空白点 the coverage report lists (S2 保障机制 "不留空白点").</item>
/// </list>
/// Whether the area and organization exist, are active and are in the editor's scope is the caller's to look up.
/// </summary>
public static class UnitRules
{
    /// <summary>The largest headcount taken: a bound against typing errors, this system's (the largest enterprise of a district is far below it).</summary>
    public const int MaxHeadcount = 1_000_000;

    /// <summary>Checks a unit and gives it normalized (the name trimmed, a missing headcount 0), naming every problem under its field.</summary>
    public static (UnitFacts Facts, IReadOnlyList<FieldProblem> Problems) Check(UnitFacts given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var problems = new List<FieldProblem>();
        var name = given.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            problems.Add(new("name", "Input.Required", "Field.UnitName"));
        }
        else if (name.Length > Unit.MaxNameLength)
        {
            problems.Add(new("name", "Input.TooLong", "Field.UnitName", Unit.MaxNameLength));
        }

        if (given.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("kind", "Input.Required", "Field.UnitKind"));
        }

        if (given.AreaOrganizationId is null)
        {
            problems.Add(new("areaOrganizationId", "Input.Required", "Field.UnitArea"));
        }

        if (given.Headcount is < 0 or > MaxHeadcount)
        {
            problems.Add(new("headcount", "Input.OutOfRange", "Field.Headcount", 0, MaxHeadcount));
        }

        return (given with { Name = name, Headcount = given.Headcount ?? 0 }, problems);
    }

    /// <summary>Records checked facts on <paramref name="unit"/>, or refuses naming every problem and changes nothing.</summary>
    public static void Apply(Unit unit, UnitFacts given)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var (facts, problems) = Check(given);
        DomainRuleException.ThrowIfAny(problems);
        unit.Name = facts.Name!;
        unit.Kind = facts.Kind!.Value;
        unit.AreaOrganizationId = facts.AreaOrganizationId!.Value;
        unit.OrganizationId = facts.OrganizationId;
        unit.Headcount = facts.Headcount!.Value;
    }
}
