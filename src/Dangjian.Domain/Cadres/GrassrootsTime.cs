using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Dangjian.Domain.Units;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// Grassroots time (CAD-6), rule data, each from seed 004:
/// <list type="bullet">
/// <item><see cref="TownshipStayDays"/>: 三 (三) 完善实践锻炼机制 "镇乡(街道)领导干部每年确保下村蹲点的时间不少于3个月" — 90 days a
/// calendar year, three months counted as 90 days as the study rules count them.</item>
/// <item><see cref="NightsPerWeek"/>: 三 (五) 密切党同人民群众的联系 "每周两个晚上吃住在乡镇，区委组织部定期抽查住夜情况".</item>
/// <item><see cref="ContactEnterprises"/>, <see cref="ContactVillages"/>: 三 (五) "区四套班子领导每人联系一家企业一个村".</item>
/// </list>
/// </summary>
public sealed record GrassrootsRules(int TownshipStayDays, int NightsPerWeek, int ContactEnterprises, int ContactVillages)
{
    /// <summary>The kind name the study compliance rule counts stays by (<see cref="GrassrootsStay.Time"/>).</summary>
    public const string StayKind = "grassrootsStay";

    public const int MaxContacts = 10;

    public static GrassrootsRules Defaults { get; } = new(90, 2, 1, 1);

    /// <summary>Rule data a district sets: days 0–366, nights 0–7, contact points 0–<see cref="MaxContacts"/>; every problem named.</summary>
    public void Demand()
    {
        var problems = new List<FieldProblem>();
        foreach (var (value, max, field, label) in new[]
        {
            (TownshipStayDays, 366, "townshipStayDays", "Field.Cadre.TownshipStayDays"),
            (NightsPerWeek, 7, "nightsPerWeek", "Field.Cadre.NightsPerWeek"),
            (ContactEnterprises, MaxContacts, "contactEnterprises", "Field.Cadre.ContactEnterprises"),
            (ContactVillages, MaxContacts, "contactVillages", "Field.Cadre.ContactVillages"),
        })
        {
            if (value < 0 || value > max)
            {
                problems.Add(new(field, "Input.OutOfRange", label, 0, max));
            }
        }

        DomainRuleException.ThrowIfAny(problems);
    }
}

/// <summary>A stay at the grassroots (下村蹲点) of a leader: where, from a day to a day, both inclusive.</summary>
public sealed class GrassrootsStay : IVersioned
{
    public const int MaxPlaceLength = 100;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The leader's organization (their township's committee), for scope.</summary>
    public int OrganizationId { get; set; }

    public string Place { get; set; } = string.Empty;

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public int Version { get; set; }

    /// <summary>The stay as the study compliance rule counts days: distinct days covered, overlapping stays once.</summary>
    public StudyTime Time => StudyTime.Span(GrassrootsRules.StayKind, From, To);

    /// <summary>A stay done: a place, sane days, the last not before the first and not after <paramref name="today"/>.</summary>
    public static GrassrootsStay Record(int personId, int organizationId, string? place, DateOnly from, DateOnly to, DateOnly today)
    {
        var where = TextInput.Required(place, MaxPlaceLength, "place", "Field.Cadre.StayPlace");
        SaneDates.Demand(from, "from", "Field.Cadre.StayFrom");
        CadreDays.Done(to, "to", "Field.Cadre.StayTo", today);
        if (to < from)
        {
            throw new DomainRuleException("Cadre.ToBeforeFrom", "to");
        }

        return new() { PersonId = personId, OrganizationId = organizationId, Place = where, From = from, To = to };
    }
}

/// <summary>A night a township leader reports having stayed in the township (住夜).</summary>
public sealed class NightStay
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int OrganizationId { get; set; }

    public DateOnly Night { get; set; }

    /// <summary>A night stayed: sane and not after <paramref name="today"/>.</summary>
    public static NightStay Record(int personId, int organizationId, DateOnly night, DateOnly today)
    {
        CadreDays.Done(night, "night", "Field.Cadre.Night", today);
        return new() { PersonId = personId, OrganizationId = organizationId, Night = night };
    }
}

/// <summary>
/// The department's spot check of a leader's night stay (区委组织部定期抽查住夜情况, seed 004, 三 (五)): who checked, the
/// night, and whether the leader was there. A night found absent does not count, whatever was reported.
/// </summary>
public sealed class NightSpotCheck
{
    public const int MaxNameLength = 50;
    public const int MaxNoteLength = 500;

    public int Id { get; set; }

    public int PersonId { get; set; }

    public int OrganizationId { get; set; }

    public DateOnly Night { get; set; }

    public bool Present { get; set; }

    public string CheckedBy { get; set; } = string.Empty;

    public string? Note { get; set; }

    /// <summary>A check made: a night not after <paramref name="today"/>, the checker named.</summary>
    public static NightSpotCheck Record(int personId, int organizationId, DateOnly night, bool present, string? checkedBy, string? note, DateOnly today)
    {
        CadreDays.Done(night, "night", "Field.Cadre.Night", today);
        var by = TextInput.Required(checkedBy, MaxNameLength, "checkedBy", "Field.Cadre.CheckedBy");
        var text = TextInput.Optional(note, MaxNoteLength, "note", "Field.Cadre.CheckNote");
        return new() { PersonId = personId, OrganizationId = organizationId, Night = night, Present = present, CheckedBy = by, Note = text };
    }
}

/// <summary>
/// A leader's contact point (联系点): an enterprise or a village (a <see cref="Unit"/>) they visit to 访民情、察民意 (seed
/// 004, 三 (五)), from a day to a last day (none while it lasts).
/// </summary>
public sealed class ContactPoint : IVersioned
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int OrganizationId { get; set; }

    public int UnitId { get; set; }

    public UnitKind Kind { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public int Version { get; set; }

    public bool IsActiveOn(DateOnly day) => From <= day && (To is not { } to || day <= to);

    /// <summary>
    /// Gives a leader a contact point: an enterprise or a village, not one the leader already has running
    /// (<paramref name="personsPoints"/>), from a sane day.
    /// </summary>
    public static ContactPoint Assign(int personId, int organizationId, int unitId, UnitKind kind, DateOnly from, IEnumerable<ContactPoint> personsPoints)
    {
        ArgumentNullException.ThrowIfNull(personsPoints);
        if (kind is not (UnitKind.Enterprise or UnitKind.Village))
        {
            throw new DomainRuleException("Cadre.ContactPointKind", "unitId");
        }

        SaneDates.Demand(from, "from", "Field.Cadre.ContactFrom");
        if (personsPoints.Any(p => p.PersonId == personId && p.UnitId == unitId && p.To is null))
        {
            throw new DomainRuleException("Cadre.ContactPointTwice", "unitId");
        }

        return new() { PersonId = personId, OrganizationId = organizationId, UnitId = unitId, Kind = kind, From = from };
    }

    /// <summary>Ends the contact point on its last day <paramref name="on"/>: not before its first, and only once.</summary>
    public void End(DateOnly on)
    {
        if (To is not null)
        {
            throw new DomainRuleException("Cadre.ContactPointEnded", "to");
        }

        SaneDates.Demand(on, "to", "Field.Cadre.ContactTo");
        To = on >= From ? on : throw new DomainRuleException("Cadre.ToBeforeFrom", "to");
    }
}
