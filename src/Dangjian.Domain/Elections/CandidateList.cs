namespace Dangjian.Domain.Elections;

/// <summary>A nominee proposed for a candidate list: the name printed on the ballot and what still blocks them.</summary>
public sealed record ProposedCandidate(int NomineeId, string Name, IReadOnlyList<string> Blockers);

/// <summary>Why a proposed candidate list cannot be fixed.</summary>
public abstract record CandidateListProblem
{
    /// <summary>A nominee with an open or failed vetting check, or disqualified (ELE-5: 凡提必审/核/听/查, 一票否决).</summary>
    public sealed record Blocked(ProposedCandidate Candidate) : CandidateListProblem;

    /// <summary>Fewer candidates than the differential rule asks (ELE-7).</summary>
    public sealed record TooFew(int Count, int Seats, int Minimum, int MinExtraPercent) : CandidateListProblem;

    /// <summary>Two candidates share a name: the ballot (and the count, by name) needs distinct names.</summary>
    public sealed record DuplicateName(string Name) : CandidateListProblem;
}

/// <summary>
/// 确定候选人 (ELE-7): a list can be fixed only when every candidate has passed the four checks and is not
/// disqualified (《中国共产党基层组织选举工作条例》 and 四个凡提必: 考察不合格的不能列为候选人), when it exceeds the seats by the
/// body's share (<see cref="DifferentialRule"/>, 第十二条), and when no two names are the same (the count goes by
/// the names printed on the ballot, so two people of one name must be told apart before the list is fixed).
/// </summary>
public static class CandidateList
{
    public static IReadOnlyList<CandidateListProblem> Check(IReadOnlyList<ProposedCandidate> candidates, int seats, int minExtraPercent)
    {
        var problems = new List<CandidateListProblem>();
        foreach (var c in candidates.Where(c => c.Blockers.Count > 0))
        {
            problems.Add(new CandidateListProblem.Blocked(c));
        }

        var minimum = DifferentialRule.MinimumCandidates(seats, minExtraPercent);
        if (candidates.Count < minimum)
        {
            problems.Add(new CandidateListProblem.TooFew(candidates.Count, seats, minimum, minExtraPercent));
        }

        foreach (var name in candidates.GroupBy(c => c.Name.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            problems.Add(new CandidateListProblem.DuplicateName(name));
        }

        return problems;
    }
}
