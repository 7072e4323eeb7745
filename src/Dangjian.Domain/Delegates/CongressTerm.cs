using Dangjian.Domain.Common;

namespace Dangjian.Domain.Delegates;

/// <summary>
/// 党代会届次: one congress of an organization (the district committee, or a township committee where 党代表常任制 is
/// practised: seed 001, 三要完善党代会常任制 — 地方党组织应积极吸收和借鉴乡镇实行党代表常任制的经验). Its delegates serve from
/// <see cref="StartsOn"/> for the whole term (常任: not only during the congress's sessions) until <see cref="EndsOn"/>.
/// </summary>
public sealed class CongressTerm : IVersioned
{
    /// <summary>届次 are counted from the first congress; a hundred is beyond any organization's history.</summary>
    public const int MaxNumber = 99;

    public int Id { get; set; }

    /// <summary>The organization whose congress it is; it decides which staff see and manage the term.</summary>
    public int OrganizationId { get; set; }

    /// <summary>第 N 届.</summary>
    public int Number { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day of the term; none while it runs without a planned end.</summary>
    public DateOnly? EndsOn { get; set; }

    public int Version { get; set; }

    /// <summary>Whether the term runs on <paramref name="day"/>: from its first day through its last, when it has one.</summary>
    public bool RunsOn(DateOnly day) => day >= StartsOn && (EndsOn is not { } end || day <= end);

    public static CongressTerm Open(int organizationId, int number, DateOnly startsOn, DateOnly? endsOn)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.Delegates.Organization");
        }

        if (number is < 1 or > MaxNumber)
        {
            throw new DomainRuleException("Delegates.TermNumber", "number", MaxNumber);
        }

        SaneDates.Demand(startsOn, "startsOn", "Field.Delegates.StartsOn");
        if (endsOn is { } end)
        {
            SaneDates.Demand(end, "endsOn", "Field.Delegates.EndsOn");
            if (end <= startsOn)
            {
                throw new DomainRuleException("Delegates.TermEndsBeforeStart", "endsOn", DateText.Format(startsOn));
            }
        }

        return new() { OrganizationId = organizationId, Number = number, StartsOn = startsOn, EndsOn = endsOn };
    }
}

/// <summary>代表团: the delegates of one constituency of a term, e.g. a township's delegation to the district congress.</summary>
public sealed class Delegation : IVersioned
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int TermId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The organization the delegation stands for (选举单位), when it is one organization of the tree.</summary>
    public int? ConstituencyOrganizationId { get; set; }

    public int Version { get; set; }

    public static Delegation Form(CongressTerm term, string name, int? constituencyOrganizationId)
    {
        ArgumentNullException.ThrowIfNull(term);
        return new()
        {
            TermId = term.Id,
            Name = TextInput.Required(name, MaxNameLength, "name", "Field.Delegates.DelegationName"),
            ConstituencyOrganizationId = constituencyOrganizationId is > 0 ? constituencyOrganizationId : null,
        };
    }
}
