using Dangjian.Domain.Teams;

namespace Dangjian.Domain.Meetings.Talks;

/// <summary>Why a pair of people must talk in a year.</summary>
public enum TalkDuty
{
    /// <summary>书记与班子成员: the secretary with each member of the team.</summary>
    SecretaryWithTeamMember = 0,

    /// <summary>班子成员之间: every team member with every other.</summary>
    TeamMembers = 1,

    /// <summary>班子成员与支部党员: each team member with each party member of the organization.</summary>
    TeamMemberWithMember = 2,
}

/// <summary>
/// The rule data of the talk register: which pairs must talk and how often in a calendar year. Seed 002 四 (管理机制) names
/// 谈话制度 among the standing forms of 组织生活 that must be kept strictly; seed 001 sets the pattern of who talks with whom
/// (四必谈: the secretary must talk with every member of the team — 书记…与本级班子成员必谈) and that the talks reach
/// everyone (谈话对象"全覆盖"). Outside elections the register asks, every calendar year, at least
/// <see cref="TimesPerYear"/> talk of the secretary with each team member, of each team member with each other, and of
/// each team member with each party member of the organization.
/// </summary>
public sealed record TalkRequirementRules(bool SecretaryWithTeam = true, bool TeamWithEachOther = true, bool TeamWithMembers = true, int TimesPerYear = 1)
{
    /// <summary>All three duties, once a calendar year (the "at least yearly").</summary>
    public static readonly TalkRequirementRules Default = new();
}

/// <summary>A seat of the team in office: the person and the role (a person with two seats counts once, by the first role given).</summary>
public sealed record TalkTeamSeat(int PersonId, TeamRole Role);

/// <summary>
/// A pair that must talk in the year: <see cref="FirstId"/> is the team side (the secretary first where the secretary is
/// one of them), <see cref="Talks"/> how many talks between them the year holds, whoever started them.
/// </summary>
public sealed record TalkPair(int FirstId, int SecondId, TalkDuty Duty, int Talks, bool Owed);

/// <summary>A year's coverage: every pair that must talk, and how many are still owed a talk.</summary>
public sealed record TalkYearCoverage(int Year, IReadOnlyList<TalkPair> Pairs)
{
    public int Required => Pairs.Count;

    public int Owed => Pairs.Count(p => p.Owed);

    public int Covered => Required - Owed;

    /// <summary>The pairs still owed a talk this year.</summary>
    public IEnumerable<TalkPair> OwedPairs => Pairs.Where(p => p.Owed);
}

/// <summary>Who must talk with whom in a calendar year (<see cref="TalkRequirementRules"/>), and which pairs are still owed.</summary>
public static class TalkRequirements
{
    /// <summary>
    /// The day whose team in office sets the pairs of <paramref name="year"/>: its last day for a year gone by, today for
    /// the current year (the team now serving, a member who joined mid-year included), its first day for a year ahead.
    /// </summary>
    public static DateOnly TeamDay(int year, DateOnly today) =>
        year < today.Year ? new DateOnly(year, 12, 31) : year == today.Year ? today : new DateOnly(year, 1, 1);

    /// <summary>
    /// The pairs that must talk in <paramref name="year"/> given the team in office and the organization's party members
    /// (those also on the team are counted as team), each with the number of that calendar year's talks between the two
    /// (1 January to 31 December, either side having started it). A talk of another year never counts; a talk held
    /// before a member joined the team counts, since the duty is per calendar year.
    /// </summary>
    public static TalkYearCoverage Coverage(
        int year, IEnumerable<TalkTeamSeat> team, IEnumerable<int> members, IEnumerable<Talk> talks, TalkRequirementRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(talks);
        rules ??= TalkRequirementRules.Default;
        var seats = team.DistinctBy(s => s.PersonId).ToList();
        var secretaries = seats.Where(s => s.Role == TeamRole.Secretary).Select(s => s.PersonId).ToHashSet();
        var onTeam = seats.Select(s => s.PersonId).ToHashSet();
        var counts = talks.Where(t => t.HeldOn.Year == year && t.InitiatorId != t.PartnerId)
            .CountBy(t => Key(t.InitiatorId, t.PartnerId)).ToDictionary();

        var pairs = new List<TalkPair>();
        var seen = new HashSet<(int, int)>();
        void Add(int first, int second, TalkDuty duty)
        {
            if (first != second && seen.Add(Key(first, second)))
            {
                var n = counts.GetValueOrDefault(Key(first, second));
                pairs.Add(new TalkPair(first, second, duty, n, n < rules.TimesPerYear));
            }
        }

        // The secretary's duty first, so a pair that is both the secretary's and two team members' is named as the secretary's.
        for (var i = 0; i < seats.Count; i++)
        {
            for (var j = i + 1; j < seats.Count; j++)
            {
                var (a, b) = (seats[i].PersonId, seats[j].PersonId);
                if (rules.SecretaryWithTeam && (secretaries.Contains(a) || secretaries.Contains(b)))
                {
                    Add(secretaries.Contains(a) ? a : b, secretaries.Contains(a) ? b : a, TalkDuty.SecretaryWithTeamMember);
                }
            }
        }

        if (rules.TeamWithEachOther)
        {
            for (var i = 0; i < seats.Count; i++)
            {
                for (var j = i + 1; j < seats.Count; j++)
                {
                    Add(seats[i].PersonId, seats[j].PersonId, TalkDuty.TeamMembers);
                }
            }
        }

        if (rules.TeamWithMembers)
        {
            var branch = members.Where(m => !onTeam.Contains(m)).Distinct().ToList();
            foreach (var seat in seats)
            {
                foreach (var member in branch)
                {
                    Add(seat.PersonId, member, TalkDuty.TeamMemberWithMember);
                }
            }
        }

        return new TalkYearCoverage(year, pairs);
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
}
