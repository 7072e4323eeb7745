using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// The counting rules of an election round (ELE-10 … ELE-12), as 《中国共产党基层组织选举工作条例》 sets them:
/// <list type="number">
/// <item>the meeting is valid only when voters present are more than four fifths of those entitled (第二十三条: 应到会
/// 选举人数的五分之四); recommendation rounds are not elections and have no quorum;</item>
/// <item>the round is void when more ballots come back than were issued (第二十六条: 收回的选票多于发出的选票，选举无效);</item>
/// <item>a ballot is invalid when unreadable, when it marks one person both for and against, or when it votes for more
/// people than there are seats (第二十六条: 多于规定应选人数的无效); an invalid ballot is returned but counts for no one;</item>
/// <item>elected are those with "for" votes more than half of those entitled (第二十七条: 超过应到会有选举权人数的半数),
/// by votes up to the seats; a tie at the last seats that leaves more tied people than seats goes to a run-off
/// among the tied (票数相等不能确定当选人时，应当就票数相等的被选举人重新投票); seats left are reported for a
/// supplementary election (另行选举).</item>
/// </list>
/// Pure: no I/O, no clock; the same ballots in any order give the same result.
/// </summary>
public static class ElectionCount
{
    /// <summary>Every way the input is malformed, each naming its field; empty when the input can be counted.</summary>
    public static IReadOnlyList<ContractError> Check(CountInput input)
    {
        var errors = new List<ContractError>();
        if (!Enum.IsDefined(input.Mode))
        {
            errors.Add(new("mode", "mode must be formal, preliminary or recommendation"));
        }

        NonNegative(errors, "seats", input.Seats);
        NonNegative(errors, "entitledVoters", input.EntitledVoters);
        NonNegative(errors, "votersPresent", input.VotersPresent);
        NonNegative(errors, "ballotsIssued", input.BallotsIssued);
        if (input.VotersPresent > input.EntitledVoters)
        {
            errors.Add(new("votersPresent", $"votersPresent ({input.VotersPresent}) is more than entitledVoters ({input.EntitledVoters})"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Candidates.Count; i++)
        {
            var name = input.Candidates[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new($"candidates[{i}]", "a candidate's name is empty"));
            }
            else if (!names.Add(name))
            {
                errors.Add(new($"candidates[{i}]", $"candidate \"{name}\" is listed twice"));
            }
        }

        for (var b = 0; b < input.Ballots.Count; b++)
        {
            var ballot = input.Ballots[b];
            if (ballot is null)
            {
                errors.Add(new($"ballots[{b}]", "a ballot is null"));
                continue;
            }

            UnknownNames(errors, b, "for", ballot.For, names);
            UnknownNames(errors, b, "against", ballot.Against, names);
            for (var w = 0; w < ballot.WriteIns.Count; w++)
            {
                if (string.IsNullOrWhiteSpace(ballot.WriteIns[w]))
                {
                    errors.Add(new($"ballots[{b}].writeIns[{w}]", "a written-in name is empty"));
                }
            }
        }

        return errors;
    }

    /// <summary>Counts a round. The input must pass <see cref="Check"/>; otherwise this throws.</summary>
    public static CountResult Count(CountInput input)
    {
        if (Check(input) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(input));
        }

        var threshold = Threshold(input.Mode, input.EntitledVoters);
        var returned = input.Ballots.Count;
        if (input.Mode != ElectionMode.Recommendation && !QuorumMet(input.EntitledVoters, input.VotersPresent))
        {
            return VoidResult(VoidReason.QuorumNotMet, threshold, input);
        }

        if (returned > input.BallotsIssued)
        {
            return VoidResult(VoidReason.BallotsExceedIssued, threshold, input);
        }

        var tally = new Tally(input.Candidates);
        var valid = 0;
        foreach (var ballot in input.Ballots)
        {
            if (tally.TryAdd(ballot, input.Seats))
            {
                valid++;
            }
        }

        var results = tally.Results(valid);
        var (elected, runoff) = Decide(results, input.Seats, threshold);
        return new CountResult(
            CountStatus.Counted, null, threshold, returned, valid, returned - valid, results, elected, runoff,
            input.Seats - elected.Count - (runoff?.Seats ?? 0));
    }

    /// <summary>
    /// The least number of "for" votes that elects: more than half of those entitled, so ⌊entitled/2⌋ + 1
    /// (60 entitled → 31; 61 → 31). Recommendation rounds have none (0).
    /// </summary>
    public static int Threshold(ElectionMode mode, int entitledVoters) =>
        mode == ElectionMode.Recommendation ? 0 : (entitledVoters / 2) + 1;

    /// <summary>More than four fifths present: present/entitled &gt; 4/5, in whole numbers (50 entitled: 40 is not enough, 41 is).</summary>
    public static bool QuorumMet(int entitledVoters, int votersPresent) => (long)votersPresent * 5 > (long)entitledVoters * 4;

    /// <summary>Ranks those at or above the threshold and fills the seats; a tie across the last seats goes to a run-off.</summary>
    private static (IReadOnlyList<string> Elected, Runoff? Runoff) Decide(IReadOnlyList<CandidateResult> ranked, int seats, int threshold)
    {
        var eligible = ranked.Where(r => r.For >= threshold).ToList(); // already by votes, descending
        if (eligible.Count <= seats)
        {
            return (eligible.Select(r => r.Name).ToList(), null);
        }

        if (seats == 0)
        {
            return ([], null);
        }

        var lastSeatVotes = eligible[seats - 1].For;
        var elected = eligible.TakeWhile(r => r.For > lastSeatVotes).Select(r => r.Name).ToList();
        var tied = eligible.Where(r => r.For == lastSeatVotes).Select(r => r.Name).ToList();
        var seatsLeft = seats - elected.Count;
        if (tied.Count <= seatsLeft)
        {
            // No tie across the last seat: those with the last seat's votes all fit (the next one down has fewer).
            elected.AddRange(tied);
            return (elected, null);
        }

        tied.Sort(StringComparer.Ordinal);
        return (elected, new Runoff(tied, seatsLeft));
    }

    private static CountResult VoidResult(VoidReason reason, int threshold, CountInput input) =>
        new(CountStatus.Void, reason, threshold, input.Ballots.Count, 0, 0, [], [], null, input.Seats);

    private static void NonNegative(List<ContractError> errors, string field, int value)
    {
        if (value < 0)
        {
            errors.Add(new(field, $"{field} must not be negative (is {value.ToString(CultureInfo.InvariantCulture)})"));
        }
    }

    /// <summary>The field's name is built only for an error: a million well-formed ballots allocate nothing here.</summary>
    private static void UnknownNames(List<ContractError> errors, int ballot, string list, IReadOnlyList<string> marked, HashSet<string> candidates)
    {
        for (var i = 0; i < marked.Count; i++)
        {
            if (!candidates.Contains(marked[i] ?? string.Empty))
            {
                errors.Add(new($"ballots[{ballot}].{list}[{i}]", $"\"{marked[i]}\" is not a candidate"));
            }
        }
    }

    /// <summary>Running totals over valid ballots: candidates by index, write-ins by name.</summary>
    private sealed class Tally
    {
        private readonly IReadOnlyList<string> _candidates;
        private readonly Dictionary<string, int> _index;
        private readonly int[] _for;
        private readonly int[] _against;
        private readonly Dictionary<string, int> _writeIns = new(StringComparer.Ordinal);

        // Per-ballot scratch marks, reused: 0 none, 1 for, 2 against, 3 both.
        private readonly byte[] _marks;
        private readonly HashSet<string> _ballotWriteIns = new(StringComparer.Ordinal);

        public Tally(IReadOnlyList<string> candidates)
        {
            _candidates = candidates;
            _index = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
            for (var i = 0; i < candidates.Count; i++)
            {
                _index[candidates[i]] = i;
            }

            _for = new int[candidates.Count];
            _against = new int[candidates.Count];
            _marks = new byte[candidates.Count];
        }

        /// <summary>Adds a ballot if valid; returns whether it was.</summary>
        public bool TryAdd(Ballot ballot, int seats)
        {
            if (ballot.Void)
            {
                return false;
            }

            Array.Clear(_marks);
            _ballotWriteIns.Clear();
            var forCount = 0;
            foreach (var name in ballot.For)
            {
                var i = _index[name];
                if ((_marks[i] & 1) == 0)
                {
                    _marks[i] |= 1;
                    forCount++;
                }
            }

            foreach (var name in ballot.WriteIns)
            {
                // A written-in name that is on the list is a vote for that candidate.
                if (_index.TryGetValue(name, out var i))
                {
                    if ((_marks[i] & 1) == 0)
                    {
                        _marks[i] |= 1;
                        forCount++;
                    }
                }
                else if (_ballotWriteIns.Add(name))
                {
                    forCount++;
                }
            }

            foreach (var name in ballot.Against)
            {
                _marks[_index[name]] |= 2;
            }

            if (forCount > seats || Array.IndexOf(_marks, (byte)3) >= 0)
            {
                return false;
            }

            for (var i = 0; i < _marks.Length; i++)
            {
                if (_marks[i] == 1)
                {
                    _for[i]++;
                }
                else if (_marks[i] == 2)
                {
                    _against[i]++;
                }
            }

            foreach (var name in _ballotWriteIns)
            {
                _writeIns[name] = _writeIns.GetValueOrDefault(name) + 1;
            }

            return true;
        }

        /// <summary>Everyone on the list and everyone written in on a valid ballot, by "for" votes, then by name (ordinal).</summary>
        public List<CandidateResult> Results(int validBallots)
        {
            var results = new List<CandidateResult>(_candidates.Count + _writeIns.Count);
            for (var i = 0; i < _candidates.Count; i++)
            {
                results.Add(new CandidateResult(_candidates[i], _for[i], _against[i], validBallots - _for[i] - _against[i], WriteIn: false));
            }

            results.AddRange(_writeIns.Select(w => new CandidateResult(w.Key, w.Value, 0, 0, WriteIn: true)));
            results.Sort((a, b) => b.For != a.For ? b.For.CompareTo(a.For) : string.CompareOrdinal(a.Name, b.Name));
            return results;
        }
    }
}
