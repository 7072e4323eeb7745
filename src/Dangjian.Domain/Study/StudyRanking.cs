namespace Dangjian.Domain.Study;

/// <summary>One person in a half-year's ranking: the credits (学分) earned in the half-year and the closed-book exam's score.</summary>
public sealed record RankingEntry(string Name, decimal Credits, decimal ExamScore);

/// <summary>What the ranking proposes for a person; the committee confirms.</summary>
public enum RankingProposal
{
    None,

    /// <summary>自学标兵.</summary>
    StudyModel,

    /// <summary>自学后进: a rectification deadline and a concentrated class follow.</summary>
    Laggard,
}

/// <summary>A ranked person: <see cref="Rank"/> is 1 + the number ranked strictly above (1, 1, 3 for a tie at the top).</summary>
public sealed record RankedEntry(RankingEntry Entry, int Rank, RankingProposal Proposal);

/// <summary>
/// The half-yearly ranking (STU-5), from seed 000, 一, 三 成绩考核: "半年度评选一次'自学标兵'和'自学后进分子', 对后进人员集中上课
/// 限期整改"; seed 004 ties credits to study time, content and exam results (理论学习学分制). People rank by credits, then by
/// exam score; equal in both, they rank equally (competition ranking: 1, 1, 3).
/// The top <c>models</c> places are proposed as 自学标兵 and the bottom <c>laggards</c> as 后进. A tie is never split across
/// either line: a tied group that does not fit wholly inside the places is left out entirely, so fewer are proposed.
/// Why out rather than in: both labels single a person out, and one who did exactly as well as someone not labelled cannot
/// fairly carry the label, nor be picked from the tie by chance or by name; the places are a maximum (名额), as the grade
/// quotas' are, and the committee that confirms may still add someone. Nobody is proposed as both: the bottom is taken
/// from those not proposed as models.
/// </summary>
public static class StudyRanking
{
    /// <summary>Everyone ranked, best first (equal ranks in the order given), with what is proposed for each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative number of places.</exception>
    public static IReadOnlyList<RankedEntry> Rank(IReadOnlyList<RankingEntry> entries, int models, int laggards)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(models);
        ArgumentOutOfRangeException.ThrowIfNegative(laggards);

        var ordered = entries.OrderByDescending(e => e.Credits).ThenByDescending(e => e.ExamScore).ToList();
        var ranked = new List<RankedEntry>(ordered.Count);
        for (var start = 0; start < ordered.Count;)
        {
            var end = start;
            while (end + 1 < ordered.Count && Tied(ordered[end + 1], ordered[start]))
            {
                end++;
            }

            // The group holds places start+1 … end+1; it is inside a line only when all of them are.
            var size = end - start + 1;
            var worse = ordered.Count - end - 1;
            var proposal = start + size <= models ? RankingProposal.StudyModel
                : worse + size <= laggards ? RankingProposal.Laggard
                : RankingProposal.None;
            for (var i = start; i <= end; i++)
            {
                ranked.Add(new(ordered[i], start + 1, proposal));
            }

            start = end + 1;
        }

        return ranked;
    }

    private static bool Tied(RankingEntry a, RankingEntry b) => a.Credits == b.Credits && a.ExamScore == b.ExamScore;
}
