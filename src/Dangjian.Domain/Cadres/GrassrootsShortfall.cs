using Dangjian.Domain.Calendar;
using Dangjian.Domain.Study;
using Dangjian.Domain.Units;

namespace Dangjian.Domain.Cadres;

/// <summary>Where a township leader stands on grassroots days in the calendar year of a day.</summary>
public sealed record StayStanding(int PersonId, int Done, int Missing, bool BehindPace);

/// <summary>A full week (Monday to Sunday) in which a leader's counted night stays fell short.</summary>
public sealed record NightShortWeek(int PersonId, DateOnly WeekStart, int Nights);

/// <summary>A night the department's spot check found the leader absent; <see cref="Reported"/>: the leader had reported staying.</summary>
public sealed record AbsentNight(int PersonId, DateOnly Night, bool Reported);

/// <summary>A district leader short of contact points on a day: how many enterprises and villages are missing.</summary>
public sealed record ContactShortfall(int PersonId, int MissingEnterprises, int MissingVillages);

/// <summary>The shortfall lists of grassroots time (CAD-6) at any day, pure functions of the records and the rule data.</summary>
public static class GrassrootsShortfall
{
    /// <summary>
    /// Each township leader's grassroots days in the calendar year of <paramref name="asOf"/>, counted by the study
    /// compliance rule (distinct days from 1 January to the day; behind pace: fewer than the minimum's share of the year
    /// already passed, which on 31 December is exactly "a day is missing").
    /// </summary>
    public static IReadOnlyList<StayStanding> Stays(IEnumerable<int> townshipLeaders, IEnumerable<GrassrootsStay> stays, GrassrootsRules rules, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(townshipLeaders);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(rules);
        var requirement = new StudyRequirement("townshipLeader", GrassrootsRules.StayKind, StudyPer.Year, StudyUnit.Days, rules.TownshipStayDays);
        var byPerson = stays.ToLookup(s => s.PersonId);
        return [.. townshipLeaders.Distinct().Select(p =>
        {
            var status = StudyCompliance.Evaluate(requirement, null, [.. byPerson[p].Select(s => s.Time)], asOf);
            return new StayStanding(p, (int)status.Done, (int)status.Missing, status.BehindPace);
        })];
    }

    /// <summary>The township leaders behind pace on <paramref name="asOf"/>, most days missing first.</summary>
    public static IReadOnlyList<StayStanding> StayShortfall(IEnumerable<int> townshipLeaders, IEnumerable<GrassrootsStay> stays, GrassrootsRules rules, DateOnly asOf) =>
        [.. Stays(townshipLeaders, stays, rules, asOf).Where(s => s.BehindPace).OrderByDescending(s => s.Missing).ThenBy(s => s.PersonId)];

    /// <summary>
    /// The full weeks (Monday to Sunday, from the first Monday on or after <paramref name="from"/> to the last Sunday on or
    /// before <paramref name="asOf"/>; a week still running is not judged) in which a leader's counted nights are fewer
    /// than <see cref="GrassrootsRules.NightsPerWeek"/>. Counted: the nights reported or found present by a spot check,
    /// less those a spot check found absent.
    /// </summary>
    public static IReadOnlyList<NightShortWeek> NightShortfall(
        IEnumerable<int> leaders, IEnumerable<NightStay> nights, IEnumerable<NightSpotCheck> checks, GrassrootsRules rules, DateOnly from, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(leaders);
        ArgumentNullException.ThrowIfNull(nights);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(rules);
        var checkList = checks.ToList();
        var reported = nights.ToLookup(n => n.PersonId, n => n.Night);
        var present = checkList.Where(c => c.Present).ToLookup(c => c.PersonId, c => c.Night);
        var absent = checkList.Where(c => !c.Present).ToLookup(c => c.PersonId, c => c.Night);
        var firstMonday = from.AddDays(((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7);
        var result = new List<NightShortWeek>();
        foreach (var p in leaders.Distinct())
        {
            var counted = new HashSet<DateOnly>(reported[p].Concat(present[p]));
            counted.ExceptWith(absent[p]);
            for (var monday = firstMonday; monday.DayNumber + 6 <= asOf.DayNumber; monday = monday.AddDays(7))
            {
                var sunday = monday.AddDays(6);
                var n = counted.Count(d => d >= monday && d <= sunday);
                if (n < rules.NightsPerWeek)
                {
                    result.Add(new(p, monday, n));
                }
            }
        }

        return result;
    }

    /// <summary>The nights from <paramref name="from"/> to <paramref name="asOf"/> a spot check found a leader absent, by night.</summary>
    public static IReadOnlyList<AbsentNight> FoundAbsent(IEnumerable<NightSpotCheck> checks, IEnumerable<NightStay> nights, DateOnly from, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(nights);
        var reported = nights.Select(n => (n.PersonId, n.Night)).ToHashSet();
        return [.. checks
            .Where(c => !c.Present && c.Night >= from && c.Night <= asOf)
            .Select(c => new AbsentNight(c.PersonId, c.Night, reported.Contains((c.PersonId, c.Night))))
            .Distinct()
            .OrderBy(a => a.Night)
            .ThenBy(a => a.PersonId)];
    }

    /// <summary>
    /// The district leaders who on <paramref name="asOf"/> have fewer running contact points than the rule data asks of
    /// each kind (by default one enterprise and one village), with what is missing.
    /// </summary>
    public static IReadOnlyList<ContactShortfall> Contacts(IEnumerable<int> districtLeaders, IEnumerable<ContactPoint> points, GrassrootsRules rules, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(districtLeaders);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rules);
        var active = points.Where(p => p.IsActiveOn(asOf)).ToLookup(p => p.PersonId);
        return [.. districtLeaders.Distinct()
            .Select(p => new ContactShortfall(
                p,
                Math.Max(0, rules.ContactEnterprises - active[p].Count(c => c.Kind == UnitKind.Enterprise)),
                Math.Max(0, rules.ContactVillages - active[p].Count(c => c.Kind == UnitKind.Village))))
            .Where(s => s.MissingEnterprises > 0 || s.MissingVillages > 0)];
    }

    /// <summary>
    /// The working days from <paramref name="from"/> to <paramref name="asOf"/> (both inclusive, on the holiday calendar)
    /// on which the township's rota has nobody on duty. The rota is kept on working days, when the petition office
    /// receives; a year the calendar does not cover is refused (<see cref="CalendarYearMissingException"/>).
    /// </summary>
    public static IReadOnlyList<DateOnly> RotaGaps(int organizationId, IEnumerable<RotaDay> days, HolidayCalendar calendar, DateOnly from, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(calendar);
        var filled = days.Where(d => d.OrganizationId == organizationId).Select(d => d.Day).ToHashSet();
        var gaps = new List<DateOnly>();
        for (var d = from; d <= asOf; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d) && !filled.Contains(d))
            {
                gaps.Add(d);
            }
        }

        return gaps;
    }
}
