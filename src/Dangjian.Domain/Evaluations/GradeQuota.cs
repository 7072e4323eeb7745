namespace Dangjian.Domain.Evaluations;

/// <summary>Where <see cref="GradeQuota.Apply"/> placed one candidate: the index of its grade, and whether a quota moved it down.</summary>
public readonly record struct QuotaPlacement(int Grade, bool DemotedByQuota);

/// <summary>
/// A tie across a grade's quota line: <see cref="Candidates"/> (indexes into the candidates given) share
/// <see cref="Score"/>, the score at the line of grade <see cref="Grade"/>, which had <see cref="Places"/> places of
/// which <see cref="Kept"/> went to higher scores; all of them moved down one grade, leaving Places − Kept unfilled.
/// </summary>
public sealed record QuotaTie(int Grade, decimal Score, IReadOnlyList<int> Candidates, int Places, int Kept);

/// <summary>
/// Grade quotas (考核等次 with 名额限制): the one place the quota rule lives, used by the composite assessment
/// (<see cref="EvaluationScoring"/>, EVA-6) and by member review (<see cref="MemberReviewRules"/>, EVA-10).
/// The rule is the assessment contract's (EVA-6): for each grade in order that has a limit, at most that many keep
/// it, taken by score descending; when a tie straddles the limit every tied candidate moves down one grade (nobody is
/// picked by chance or by name); those moved down join the next grade and its own limit applies to them, cascading.
/// Pure and independent of the candidates' order: each grade's holders are decided as a set by score alone.
/// </summary>
public static class GradeQuota
{
    /// <summary>
    /// Places candidates given as (score, starting grade index); <paramref name="limits"/>[g] is the most candidates
    /// grade g may hold (null: no quota). The result is in the order of <paramref name="candidates"/>. Candidates
    /// kept out of the quota (a veto) are simply not passed in: they take no place.
    /// </summary>
    /// <exception cref="ArgumentException">The last grade has a limit (there is nowhere to move down to), a limit is negative, or a starting grade is out of range.</exception>
    public static IReadOnlyList<QuotaPlacement> Apply(IReadOnlyList<int?> limits, IReadOnlyList<(decimal Score, int Grade)> candidates) =>
        Place(limits, candidates, null);

    /// <summary>
    /// The ties <see cref="Apply"/> moves down across a quota line, in grade order: where two or more candidates share
    /// the score at the line and fewer than the grade's places went to higher scores, so a place stays empty.
    /// </summary>
    public static IReadOnlyList<QuotaTie> Ties(IReadOnlyList<int?> limits, IReadOnlyList<(decimal Score, int Grade)> candidates)
    {
        var ties = new List<QuotaTie>();
        Place(limits, candidates, ties);
        return ties;
    }

    private static List<QuotaPlacement> Place(IReadOnlyList<int?> limits, IReadOnlyList<(decimal Score, int Grade)> candidates, List<QuotaTie>? ties)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(candidates);
        if (limits.Count == 0)
        {
            throw new ArgumentException("at least one grade is needed", nameof(limits));
        }

        if (limits[^1] is not null)
        {
            throw new ArgumentException("the last grade may not carry a quota", nameof(limits));
        }

        if (limits.Any(l => l < 0))
        {
            throw new ArgumentException("a quota limit may not be negative", nameof(limits));
        }

        var grade = new int[candidates.Count];
        var demoted = new bool[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            grade[i] = candidates[i].Grade;
            if (grade[i] < 0 || grade[i] >= limits.Count)
            {
                throw new ArgumentException($"candidate {i} starts at grade {grade[i]}, which does not exist", nameof(candidates));
            }
        }

        // Grades in order: a grade's holders are final once its limit is applied, since moving down only adds to later grades.
        for (var g = 0; g < limits.Count; g++)
        {
            if (limits[g] is not { } limit)
            {
                continue;
            }

            var holders = Enumerable.Range(0, candidates.Count).Where(i => grade[i] == g).ToList();
            if (holders.Count <= limit)
            {
                continue;
            }

            // The first candidate that does not fit sets the line: everyone scoring the same or less moves down,
            // so a tie across the line moves the whole tie down (every tied subject moves down one grade).
            var line = holders.Select(i => candidates[i].Score).OrderDescending().ElementAt(limit);
            var kept = holders.Count(i => candidates[i].Score > line);
            var tied = holders.Where(i => candidates[i].Score == line).ToList();
            if (ties is not null && tied.Count > 1 && kept < limit)
            {
                ties.Add(new QuotaTie(g, line, tied, limit, kept));
            }

            foreach (var i in holders.Where(i => candidates[i].Score <= line))
            {
                grade[i] = g + 1;
                demoted[i] = true;
            }
        }

        return Enumerable.Range(0, candidates.Count).Select(i => new QuotaPlacement(grade[i], demoted[i])).ToList();
    }
}
