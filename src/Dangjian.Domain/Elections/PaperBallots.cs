using Dangjian.Domain.Common;
using Dangjian.Domain.People;

namespace Dangjian.Domain.Elections;

/// <summary>One paper ballot as one teller read it: its number in that teller's pile and what it says.</summary>
public sealed record PaperReading(int Number, int Teller, Ballot Ballot);

/// <summary>One ballot number as the two tellers entered it; null where a teller has no entry of that number.</summary>
public sealed record PaperPair(int Number, Ballot? Teller1, Ballot? Teller2)
{
    /// <summary>Both tellers entered the number, and read it alike.</summary>
    public bool Matches => Teller1 is not null && Teller2 is not null && PaperBallots.Same(Teller1, Teller2);
}

/// <summary>The two tellers' entries compared number by number (ELE-11).</summary>
public sealed record PaperReconciliation(IReadOnlyList<PaperPair> Pairs)
{
    public static readonly PaperReconciliation Empty = new([]);

    /// <summary>How many numbers are missing from one teller or read differently.</summary>
    public int Differences => Pairs.Count(p => !p.Matches);

    /// <summary>Every number is in both entries, and the two agree: the paper ballots can be counted.</summary>
    public bool Reconciled => Differences == 0;

    /// <summary>The paper ballots as both tellers agree they read, in number order; meaningful once reconciled.</summary>
    public IReadOnlyList<Ballot> Ballots => [.. Pairs.Where(p => p.Matches).Select(p => p.Teller1!)];
}

/// <summary>
/// The rules of paper ballots (ELE-11, 两名计票人分别录入): two tellers, who are two different people, each enter every
/// ballot in the order they take them from the box; a reading marks only candidates and writes in only others; every
/// reading is kept in one normal form, so that the two readings of one ballot are equal exactly when they say the same;
/// and the round is counted only when every number was read alike by both.
/// </summary>
public static class PaperBallots
{
    /// <summary>The two tellers, numbered 1 and 2.</summary>
    public const int Tellers = 2;

    /// <summary>
    /// Whether <paramref name="enteredBy"/> may enter as teller <paramref name="teller"/>, given who entered so far: the
    /// number is 1 or 2, one account is never both tellers (the two readings must be independent), and a teller's
    /// number belongs to whoever entered under it first.
    /// </summary>
    public static void DemandTeller(int? teller, string enteredBy, IEnumerable<(int Teller, string EnteredBy)> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (teller is not (>= 1 and <= Tellers))
        {
            throw new DomainRuleException("Round.TellerNumber", "teller");
        }

        var entered = earlier.Distinct().ToList();
        if (entered.Any(t => t.Teller != teller && t.EnteredBy == enteredBy))
        {
            throw new DomainRuleException("Round.SameTeller", "teller");
        }

        if (entered.FirstOrDefault(t => t.Teller == teller && t.EnteredBy != enteredBy) is { EnteredBy: { } other })
        {
            throw new DomainRuleException("Round.TellerTaken", "teller", teller.Value, other);
        }
    }

    /// <summary>
    /// What is wrong with a teller's reading of a ballot, each naming its field: a name marked for or against that is not
    /// a candidate; a written-in name that is empty, too long for a name, or a candidate's. A void ballot has nothing wrong.
    /// </summary>
    public static IReadOnlyList<FieldProblem> Check(Ballot reading, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Void)
        {
            return [];
        }

        var listed = new HashSet<string>(candidates, StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        void Marked(string field, IReadOnlyList<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (!listed.Contains(names[i]?.Trim() ?? string.Empty))
                {
                    problems.Add(new($"{field}[{i}]", "Round.NotACandidate", names[i] ?? string.Empty));
                }
            }
        }

        Marked("for", reading.For);
        Marked("against", reading.Against);
        for (var i = 0; i < reading.WriteIns.Count; i++)
        {
            var name = reading.WriteIns[i]?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                problems.Add(new($"writeIns[{i}]", "Input.Required", "Field.Round.WriteIn"));
            }
            else if (name.Length > Person.MaxNameLength)
            {
                problems.Add(new($"writeIns[{i}]", "Input.TooLong", "Field.Round.WriteIn", Person.MaxNameLength));
            }
            else if (listed.Contains(name))
            {
                problems.Add(new($"writeIns[{i}]", "Round.WriteInIsCandidate", name));
            }
        }

        return problems;
    }

    /// <summary>
    /// The one stored form of a reading: names trimmed and distinct, candidates in ballot order, written-in names by
    /// name, a void ballot without marks. Two readings of the same paper ballot are then equal.
    /// </summary>
    public static Ballot Normalize(Ballot reading, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Void)
        {
            return Ballot.Unreadable;
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            order.TryAdd(candidates[i], i);
        }

        IReadOnlyList<string> Marked(IEnumerable<string> names) =>
            [.. names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).OrderBy(n => order.GetValueOrDefault(n, int.MaxValue)).ThenBy(n => n, StringComparer.Ordinal)];
        return new Ballot(
            Marked(reading.For),
            Marked(reading.Against),
            [.. reading.WriteIns.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            false);
    }

    /// <summary>Whether two normal-form readings say the same.</summary>
    public static bool Same(Ballot a, Ballot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Void == b.Void
            && a.For.SequenceEqual(b.For, StringComparer.Ordinal)
            && a.Against.SequenceEqual(b.Against, StringComparer.Ordinal)
            && a.WriteIns.SequenceEqual(b.WriteIns, StringComparer.Ordinal);
    }

    /// <summary>Pairs the tellers' readings by number, in number order.</summary>
    public static PaperReconciliation Reconcile(IEnumerable<PaperReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return new([.. readings.GroupBy(r => r.Number).OrderBy(g => g.Key).Select(g => new PaperPair(
            g.Key,
            g.FirstOrDefault(r => r.Teller == 1)?.Ballot,
            g.FirstOrDefault(r => r.Teller == 2)?.Ballot))]);
    }
}
