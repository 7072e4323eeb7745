using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;

namespace Dangjian.Domain.Study;

/// <summary>
/// A seat a person holds on a leadership team (领导班子): the kind of the team's organization, the seat's role, the team's
/// term, and the day the organization's next team started (null while none has).
/// </summary>
public sealed record StudySeat(OrganizationKind OrganizationKind, TeamRole Role, DateOnly TermStart, DateOnly TermEnd, DateOnly? NextTermStart = null);

/// <summary>The role a person's study requirements are chosen by, and the term a term requirement measures (team members only).</summary>
public sealed record StudyRoleOf(string Role, StudyTerm? Term);

/// <summary>
/// Which of the requirements' roles (<see cref="StudyDefaults"/>) a person has on a day, read from the leadership teams:
/// <list type="bullet">
/// <item><c>team</c> (班子成员): a seat, on that day, on the team of a 党委 — the district committee, a township committee
/// or a street working committee. Seed 000 (一 "人员、学时、成绩三考核") asks the party-school term, the 中心组 hours and
/// the self-study hours of these leading cadres; its term is the team's term.</item>
/// <item><c>secretary</c> (支部书记): the secretary's seat, on that day, on the committee of a 党支部 or 党总支 (the
/// education plan's 56 hours a year for branch secretaries).</item>
/// <item><c>member</c>: every other Party member (32 hours a year).</item>
/// </list>
/// A team member who is also a branch secretary is a team member: the team's requirements include the 56 hours.
/// A seat counts while its team is in office (<see cref="TermRules.Serves"/>): from the term's first day until the next
/// team starts, so a team whose term ran over without an election (逾期未换届) keeps its leaders' requirements.
/// </summary>
public static class StudyRoles
{
    /// <summary>The role on <paramref name="day"/> from the person's seats (those of teams in office on the day count).</summary>
    public static StudyRoleOf Of(IEnumerable<StudySeat> seats, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(seats);
        var current = seats.Where(s => TermRules.Serves(s.TermStart, s.NextTermStart, day)).ToList();
        if (current.Where(s => IsCommittee(s.OrganizationKind)).OrderBy(s => s.TermStart).ThenBy(s => s.TermEnd).FirstOrDefault() is { } team)
        {
            return new(StudyDefaults.Team, new StudyTerm(team.TermStart, team.TermEnd));
        }

        return current.Any(s => s.Role == TeamRole.Secretary && s.OrganizationKind is OrganizationKind.Branch or OrganizationKind.GeneralBranch)
            ? new(StudyDefaults.Secretary, null)
            : new(StudyDefaults.Member, null);
    }

    /// <summary>A 党委 (district, township or street committee), whose team members are the 班子成员 of seed 000.</summary>
    public static bool IsCommittee(OrganizationKind kind) => kind.Tier() <= OrganizationKind.TownshipCommittee.Tier();
}
