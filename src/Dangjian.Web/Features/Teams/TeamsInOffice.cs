using Dangjian.Domain.Teams;

namespace Dangjian.Web.Features.Teams;

/// <summary>
/// <see cref="TermRules.InOffice"/> as a database query: of each organization's teams, the one that started last on or
/// before the day. A team whose term ran past its end without an election (逾期未换届) still serves until the next team
/// starts, so "the current team" never drops an overdue team's leaders, and a team entered ahead of its first day is
/// not in office yet.
/// </summary>
public static class TeamsInOffice
{
    /// <summary>The teams of <paramref name="teams"/> in office on <paramref name="day"/>; <paramref name="all"/> is every team, to find the next one.</summary>
    public static IQueryable<LeadershipTeam> InOffice(this IQueryable<LeadershipTeam> teams, IQueryable<LeadershipTeam> all, DateOnly day) =>
        teams.Where(t => t.StartsOn <= day && !all.Any(n => n.OrganizationId == t.OrganizationId && n.StartsOn > t.StartsOn && n.StartsOn <= day));

    /// <summary>The seats held on <paramref name="day"/> (<see cref="TeamPosition.IsHeldOn"/>, in SQL): ORG-2's replaced members are left out.</summary>
    public static IQueryable<TeamPosition> HeldOn(this IQueryable<TeamPosition> seats, DateOnly day) =>
        seats.Where(p => (p.StartsOn == null || p.StartsOn <= day) && (p.EndsOn == null || p.EndsOn >= day));
}
