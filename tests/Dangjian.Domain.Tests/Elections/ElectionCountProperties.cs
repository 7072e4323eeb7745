using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Elections;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>
/// Invariants of the counting engine (property tests) over generated rounds:
/// every mode, 0–8 seats, up to 8 candidates from a small pool of names (so ties, write-ins of the same person and
/// write-ins of a listed candidate are common), rolls that meet the quorum or not, ballots issued matching the
/// ballots or not, and ballots mixing valid votes (for, against, abstentions, repeated marks, write-ins), blank
/// ballots, void ballots, ballots marking one person for and against, and ballots with more "for" than seats.
/// A failing case prints the round in the input JSON of `dangjian election count`.
/// </summary>
public sealed class ElectionCountProperties
{
    // Twelve names for at most eight candidates: at least four are always off the list and can only be written in.
    private static readonly string[] Pool =
        ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴昊", "孙丽", "马超"];

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A generated round; printed as the tool's input JSON when a property fails.</summary>
    private sealed class Round(CountInput input)
    {
        public CountInput Input { get; } = input;

        public override string ToString() => InputJson(Input).ToJsonString(Compact);
    }

    // ---- Generators ----

    private static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    private static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] choices) =>
        Gen.Frequency(choices.Select(c => (c.Weight, c.Gen)).ToArray());

    /// <summary>Rounds of every kind; with <paramref name="counted"/>, only rounds that meet the quorum and stay within the ballots issued.</summary>
    private static Gen<CountInput> Rounds(bool counted) =>
        from mode in Gen.Elements(ElectionMode.Formal, ElectionMode.Preliminary, ElectionMode.Recommendation)
        from seats in Gen.Choose(0, 8)
        from shuffled in Gen.Shuffle(Pool)
        from candidateCount in Gen.Choose(0, 8)
        from entitled in Gen.Choose(counted ? 1 : 0, 30)
        from present in counted
            ? Gen.Choose((entitled * 4 / 5) + 1, entitled)
            : Weighted((3, Gen.Choose(Math.Min((entitled * 4 / 5) + 1, entitled), entitled)), (1, Gen.Choose(0, entitled)))
        from ballotCount in Weighted((4, Gen.Choose(present * 3 / 4, present)), (2, Gen.Choose(0, present)), (1, Gen.Choose(0, present + 3)))
        from issued in counted
            ? Gen.Choose(ballotCount, ballotCount + 3)
            : Weighted((4, Gen.Choose(ballotCount, ballotCount + 3)), (1, Gen.Choose(0, ballotCount)))
        let candidates = shuffled.Take(candidateCount).ToArray()
        // How likely each candidate is to be marked "for": favourites and outsiders, so that some reach the threshold.
        from support in Gen.ArrayOf(Weighted((2, Gen.Choose(60, 100)), (1, Gen.Choose(0, 60))), candidates.Length)
        from ballots in Gen.ArrayOf(Ballots(candidates, seats, support), ballotCount)
        select new CountInput(mode, seats, entitled, present, issued, candidates, ballots);

    private static Gen<Ballot> Ballots(string[] candidates, int seats, int[] support) =>
        Weighted(
            (14, Marked(candidates, seats, support)),
            (1, Gen.Constant(new Ballot([], [], []))),
            (2, Invalid(candidates, seats, support)));

    /// <summary>A ballot as voters fill it in: "for" by each candidate's support, some "against", now and then a write-in or a repeated mark.</summary>
    private static Gen<Ballot> Marked(string[] candidates, int seats, int[] support) =>
        from forRolls in Gen.ArrayOf(Gen.Choose(1, 100), candidates.Length)
        from againstRolls in Gen.ArrayOf(Gen.Choose(1, 100), candidates.Length)
        from keepWithinSeats in Chance(80)
        from writeIns in Weighted(
            (6, Gen.Constant(Array.Empty<string>())),
            (2, Gen.Elements(Pool).Select(n => new[] { n })), // sometimes a listed name: a vote for that candidate
            (1, Gen.Elements(Pool).Two().Select(t => new[] { t.Item1, t.Item2 })))
        from repeat in Chance(10)
        from markOrder in Gen.Choose(0, int.MaxValue)
        select Fill(candidates, seats, support, forRolls, againstRolls, keepWithinSeats, writeIns, repeat, markOrder);

    private static Ballot Fill(
        string[] candidates, int seats, int[] support, int[] forRolls, int[] againstRolls,
        bool keepWithinSeats, string[] writeIns, bool repeat, int markOrder)
    {
        var @for = new List<string>();
        var against = new List<string>();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (forRolls[i] <= support[i])
            {
                @for.Add(candidates[i]);
            }
            else if (againstRolls[i] <= 15)
            {
                against.Add(candidates[i]);
            }
        }

        // Mark order on the ballot is no part of the vote: rotate it (which also varies whom the trimming below drops).
        var rotate = @for.Count == 0 ? 0 : markOrder % @for.Count;
        @for = [.. @for.Skip(rotate), .. @for.Take(rotate)];
        var written = writeIns.Where(w => !against.Contains(w)).ToList();
        if (keepWithinSeats)
        {
            // Most voters stay within the seats: they drop marks beyond them, write-ins first.
            while (@for.Union(written).Count() > seats)
            {
                if (written.Count > 0)
                {
                    written.RemoveAt(written.Count - 1);
                }
                else
                {
                    @for.Remove(@for.MinBy(n => support[Array.IndexOf(candidates, n)])!); // the least favoured first
                }
            }
        }

        if (repeat && @for.Count > 0)
        {
            @for.Add(@for[0]); // a mark counted once
        }

        return new Ballot(@for, against, written);
    }

    /// <summary>A ballot that must count for no one: void, one person both for and against, or more "for" than seats.</summary>
    private static Gen<Ballot> Invalid(string[] candidates, int seats, int[] support)
    {
        var unreadable =
            from marks in Marked(candidates, seats, support)
            select marks with { Void = true };
        var offList = Pool.Except(candidates).ToArray();
        var tooMany =
            from names in Gen.Shuffle(candidates.Concat(offList))
            from writeListed in Chance(20)
            let chosen = names.Take(seats + 1).ToList() // seats ≤ 8 < 12 names: always one too many
            let listed = chosen.Where(candidates.Contains).ToList()
            select writeListed
                ? new Ballot([], [], chosen)
                : new Ballot(listed, [], chosen.Except(listed).ToList());
        if (candidates.Length == 0)
        {
            return Weighted((1, unreadable), (2, tooMany));
        }

        var forAndAgainst =
            from both in Gen.Elements(candidates)
            from marks in Marked(candidates, seats, support)
            from asWriteIn in Chance(20)
            select asWriteIn
                ? new Ballot(marks.For.Where(n => n != both).ToList(), [.. marks.Against.Where(n => n != both), both], [.. marks.WriteIns, both])
                : new Ballot([.. marks.For.Where(n => n != both), both], [both], marks.WriteIns.Where(n => n != both).ToList());
        return Weighted((1, unreadable), (1, forAndAgainst), (1, tooMany));
    }

    private static Arbitrary<Round> AnyRound() => Rounds(counted: false).Select(i => new Round(i)).ToArbitrary();

    private static Arbitrary<Round> CountedRound() => Rounds(counted: true).Select(i => new Round(i)).ToArbitrary();

    // ---- Properties ----

    // As the web app's HTTP JSON options write enums.
    private static readonly JsonSerializerOptions ApiEnums = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>
    /// A stored count read back is the same result: the pages and the API show the Domain result read from the stored
    /// contract JSON, and it prints exactly as stored; the API writes its enums by the same contract names.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property ReadResult_OfAWrittenCount_WritesBackTheSameText() =>
        Prop.ForAll(AnyRound(), round =>
        {
            var written = CountJson.Write(ElectionCount.Count(round.Input));
            var read = CountJson.ReadResult(written)!;
            var api = JsonSerializer.Serialize(read.VoidReason, ApiEnums);
            return CountJson.Write(read) == written
                && api == (read.VoidReason is { } v ? $"\"{CountJson.Name(v)}\"" : "null");
        });

    [Property(MaxTest = 500)]
    public Property Count_BallotsInAnyOrder_GiveTheSameResult() =>
        Prop.ForAll(AnyRound(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (round, seed) =>
        {
            var input = round.Input;
            var shuffled = input with { Ballots = Permute(input.Ballots, seed) };
            return Same(ElectionCount.Count(input), ElectionCount.Count(shuffled));
        });

    [Property(MaxTest = 300)]
    public Property Count_CandidateListAndMarksInAnyOrder_GiveTheSameResult() =>
        Prop.ForAll(AnyRound(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (round, seed) =>
        {
            var input = round.Input;
            var reordered = input with
            {
                Candidates = Permute(input.Candidates, seed),
                Ballots = input.Ballots
                    .Select((b, i) => b with { For = Permute(b.For, seed + i), Against = Permute(b.Against, seed - i), WriteIns = Permute(b.WriteIns, seed ^ i) })
                    .ToList(),
            };
            return Same(ElectionCount.Count(input), ElectionCount.Count(reordered));
        });

    [Property(MaxTest = 500)]
    public Property Count_InvalidBallotAdded_ChangesNeitherElectedNorRunoff() =>
        Prop.ForAll(
            CountedRound().Generator
                .SelectMany(r => Invalid([.. r.Input.Candidates], r.Input.Seats, [.. r.Input.Candidates.Select(_ => 50)])
                    .SelectMany(extra => Gen.Choose(0, r.Input.Ballots.Count).Select(at => (Round: r, Extra: extra, At: at))))
                .ToArbitrary(),
            c =>
            {
                var input = c.Round.Input;
                var ballots = input.Ballots.ToList();
                ballots.Insert(c.At, c.Extra);
                var before = ElectionCount.Count(input);
                var after = ElectionCount.Count(input with { BallotsIssued = input.BallotsIssued + 1, Ballots = ballots });
                return (after.Elected.SequenceEqual(before.Elected) && SameRunoff(after.Runoff, before.Runoff))
                    .Label("elected and run-off unchanged")
                    .And((after.Status == CountStatus.Counted && after.Results.SequenceEqual(before.Results) && after.UnfilledSeats == before.UnfilledSeats)
                        .Label("every tally unchanged"))
                    .And((after.ValidBallots == before.ValidBallots && after.InvalidBallots == before.InvalidBallots + 1
                          && after.BallotsReturned == before.BallotsReturned + 1)
                        .Label("one more invalid ballot returned"))
                    .Label($"invalid ballot {Json(c.Extra)} at {c.At}: {Describe(before)} → {Describe(after)}")
                    .Classify(before.Elected.Count > 0, "someone elected")
                    .Classify(before.Runoff is not null, "run-off")
                    .Classify(c.Extra.Void, "void ballot");
            });

    [Property(MaxTest = 500)]
    public Property Count_ValidBallotForAnElectedPerson_KeepsThemElected() =>
        Prop.ForAll(CountedRound(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (round, pick) =>
        {
            var input = round.Input;
            var before = ElectionCount.Count(input);
            if (before.Elected.Count == 0)
            {
                return true.ToProperty().Classify(true, "nobody elected");
            }

            var favourite = before.Elected[pick % before.Elected.Count];
            var listed = input.Candidates.Contains(favourite);
            var after = ElectionCount.Count(input with
            {
                BallotsIssued = input.BallotsIssued + 1,
                Ballots = [.. input.Ballots, listed ? new Ballot([favourite], [], []) : new Ballot([], [], [favourite])],
            });
            return after.Elected.Contains(favourite).Label($"{favourite} no longer elected: {Describe(after)}");
        });

    [Property(MaxTest = 1000)]
    public Property Count_Counted_ElectedPlusRunoffPlusUnfilledAreTheSeats() =>
        Prop.ForAll(AnyRound(), round =>
        {
            var r = ElectionCount.Count(round.Input);
            var seats = round.Input.Seats;
            return (r.Elected.Count + (r.Runoff?.Seats ?? 0) + r.UnfilledSeats == seats).Label("elected + run-off seats + unfilled = seats")
                .And((r.UnfilledSeats >= 0 && r.Elected.Count <= seats).Label("no more elected than seats"))
                .And((r.Runoff is null || (r.Runoff.Seats > 0 && r.Runoff.Names.Count > r.Runoff.Seats)).Label("a run-off has more names than seats"))
                .Classify(r.Status == CountStatus.Void, "void")
                .Classify(r.Runoff is not null, "run-off")
                .Classify(r.Status == CountStatus.Counted && r.UnfilledSeats > 0, "seats unfilled")
                .Label(Describe(r));
        });

    [Property(MaxTest = 500)]
    public Property Count_Counted_EveryBallotAndVoteIsAccountedFor() =>
        Prop.ForAll(CountedRound(), round =>
        {
            var input = round.Input;
            var r = ElectionCount.Count(input);
            var listed = r.Results.Where(c => !c.WriteIn).ToList();
            var written = r.Results.Where(c => c.WriteIn).ToList();
            return (r.ValidBallots + r.InvalidBallots == r.BallotsReturned && r.BallotsReturned == input.Ballots.Count)
                .Label("valid + invalid = returned = ballots")
                .And(listed.Select(c => c.Name).Order(StringComparer.Ordinal).SequenceEqual(input.Candidates.Order(StringComparer.Ordinal))
                    .Label("every candidate once in the results"))
                .And(written.All(c => !input.Candidates.Contains(c.Name) && c.For > 0 && c.Against == 0 && c.Abstain == 0)
                    .Label("write-ins: off the list, with votes, never against or abstaining"))
                .And((written.Select(c => c.Name).Distinct().Count() == written.Count).Label("each write-in once"))
                .And(listed.All(c => c.For >= 0 && c.Against >= 0 && c.Abstain >= 0 && c.For + c.Against + c.Abstain == r.ValidBallots)
                    .Label("for + against + abstain = valid ballots for each candidate"))
                .And((r.Results.Sum(c => c.For) <= r.ValidBallots * input.Seats).Label("no valid ballot gives more 'for' than seats"))
                .Label(Describe(r));
        });

    [Property(MaxTest = 500)]
    public Property Count_Counted_OrderAndThresholdFollowTheRules() =>
        Prop.ForAll(CountedRound(), round =>
        {
            var input = round.Input;
            var r = ElectionCount.Count(input);
            var votes = r.Results.ToDictionary(c => c.Name, c => c.For, StringComparer.Ordinal);
            var runoff = r.Runoff?.Names ?? [];
            var chosen = r.Elected.Concat(runoff).ToHashSet(StringComparer.Ordinal);
            var lowestChosen = chosen.Count == 0 ? int.MaxValue : chosen.Min(n => votes[n]);
            var expectedThreshold = input.Mode == ElectionMode.Recommendation ? 0 : (input.EntitledVoters / 2) + 1;
            return (r.Threshold == expectedThreshold).Label("threshold: more than half of entitled, 0 when recommending")
                .And(r.Results.Zip(r.Results.Skip(1)).All(p => p.First.For > p.Second.For
                        || (p.First.For == p.Second.For && string.CompareOrdinal(p.First.Name, p.Second.Name) < 0))
                    .Label("results by 'for' descending, then name (ordinal)"))
                .And(r.Elected.SequenceEqual(r.Results.Select(c => c.Name).Where(r.Elected.Contains)).Label("elected in results order"))
                .And(runoff.SequenceEqual(runoff.Order(StringComparer.Ordinal)).Label("run-off names ordinal"))
                .And((r.Elected.Distinct().Count() == r.Elected.Count && !runoff.Any(r.Elected.Contains)).Label("nobody twice"))
                .And(chosen.All(n => votes[n] >= r.Threshold).Label("elected and run-off reach the threshold"))
                .And((runoff.Select(n => votes[n]).Distinct().Count() <= 1 && r.Elected.All(n => runoff.All(t => votes[n] > votes[t])))
                    .Label("run-off names tie, below everyone elected"))
                .And(r.Results.Where(c => !chosen.Contains(c.Name)).All(c => c.For < r.Threshold || c.For < lowestChosen)
                    .Label("everyone passed over has fewer votes than those chosen, or too few to be elected"))
                .And((r.UnfilledSeats == 0 || r.Results.Count(c => c.For >= r.Threshold) == r.Elected.Count)
                    .Label("seats are left unfilled only when nobody else reaches the threshold"))
                .Label(Describe(r));
        });

    [Property(MaxTest = 1000)]
    public Property Count_AnyRound_MatchesAPlainReadingOfTheRules() =>
        Prop.ForAll(AnyRound(), round =>
        {
            var actual = ElectionCount.Count(round.Input);
            var expected = Reference(round.Input);
            return Same(actual, expected)
                .Classify(expected.Status == CountStatus.Void, "void")
                .Classify(expected.Elected.Count > 0, "someone elected")
                .Classify(expected.Runoff is not null, "run-off")
                .Classify(expected.Results.Any(c => c.WriteIn), "write-ins");
        });

    [Property(MaxTest = 300)]
    public Property CountJson_InputWritten_ParsesBackToTheSameRound() =>
        Prop.ForAll(AnyRound(), round =>
        {
            var input = round.Input;
            var (parsed, errors) = CountJson.Parse(round.ToString());
            if (parsed is null)
            {
                return false.Label("refused: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
            }

            var sameBallots = parsed.Ballots.Count == input.Ballots.Count && parsed.Ballots.Zip(input.Ballots).All(p =>
                p.First.Void == p.Second.Void && p.First.For.SequenceEqual(p.Second.For)
                && p.First.Against.SequenceEqual(p.Second.Against) && p.First.WriteIns.SequenceEqual(p.Second.WriteIns));
            return (parsed.Mode == input.Mode && parsed.Seats == input.Seats && parsed.EntitledVoters == input.EntitledVoters
                    && parsed.VotersPresent == input.VotersPresent && parsed.BallotsIssued == input.BallotsIssued
                    && parsed.Candidates.SequenceEqual(input.Candidates))
                .Label("round fields")
                .And(sameBallots.Label("ballots"))
                .And(Same(ElectionCount.Count(parsed), ElectionCount.Count(input)).Label("same count"));
        });

    [Property(MaxTest = 300)]
    public Property CountJson_Write_KeepsEveryFieldOfTheResult() =>
        Prop.ForAll(AnyRound(), round =>
        {
            var r = ElectionCount.Count(round.Input);
            var o = JsonNode.Parse(CountJson.Write(r))!.AsObject();
            var results = o["results"]!.AsArray().Select(n => new CandidateResult(
                (string)n!["name"]!, (int)n["for"]!, (int)n["against"]!, (int)n["abstain"]!, (bool)n["writeIn"]!));
            Runoff? runoff = o["runoff"] is JsonObject ro
                ? new Runoff(ro["names"]!.AsArray().Select(n => (string)n!).ToList(), (int)ro["seats"]!)
                : null;
            var read = new CountResult(
                (string)o["status"]! == "counted" ? CountStatus.Counted : CountStatus.Void,
                (string?)o["voidReason"] switch
                {
                    "quorum-not-met" => VoidReason.QuorumNotMet,
                    "ballots-exceed-issued" => VoidReason.BallotsExceedIssued,
                    _ => null,
                },
                (int)o["threshold"]!,
                (int)o["ballotsReturned"]!,
                (int)o["validBallots"]!,
                (int)o["invalidBallots"]!,
                results.ToList(),
                o["elected"]!.AsArray().Select(n => (string)n!).ToList(),
                runoff,
                (int)o["unfilledSeats"]!);
            return Same(r, read).Label(o.ToJsonString(Compact));
        });

    // ---- A plain reading of the rules, written independently of the engine ----

    /// <summary>
    /// The counting rules read literally, with sets and LINQ and no shared code: void checks in order, ballot validity,
    /// tallies, then seats filled group by group of equal votes until a group does not fit (it goes to a run-off).
    /// A written-in name that is on the list counts as a vote for that candidate (the engine's reading of 另选他人).
    /// </summary>
    private static CountResult Reference(CountInput input)
    {
        var threshold = input.Mode == ElectionMode.Recommendation ? 0 : (input.EntitledVoters / 2) + 1;
        var returned = input.Ballots.Count;
        var quorum = input.Mode == ElectionMode.Recommendation || (long)input.VotersPresent * 5 > (long)input.EntitledVoters * 4;
        if (!quorum || returned > input.BallotsIssued)
        {
            return new CountResult(CountStatus.Void, quorum ? VoidReason.BallotsExceedIssued : VoidReason.QuorumNotMet,
                threshold, returned, 0, 0, [], [], null, input.Seats);
        }

        var listed = input.Candidates.ToHashSet(StringComparer.Ordinal);
        HashSet<string> ForOf(Ballot b) => b.For.Concat(b.WriteIns).ToHashSet(StringComparer.Ordinal);
        var valid = input.Ballots.Where(b => !b.Void && ForOf(b).Count <= input.Seats && !ForOf(b).Overlaps(b.Against)).ToList();
        var results = input.Candidates
            .Select(c =>
            {
                var @for = valid.Count(b => ForOf(b).Contains(c));
                var against = valid.Count(b => b.Against.Contains(c));
                return new CandidateResult(c, @for, against, valid.Count - @for - against, WriteIn: false);
            })
            .Concat(valid.SelectMany(b => ForOf(b).Where(n => !listed.Contains(n)))
                .GroupBy(n => n, StringComparer.Ordinal)
                .Select(g => new CandidateResult(g.Key, g.Count(), 0, 0, WriteIn: true)))
            .OrderByDescending(c => c.For)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var elected = new List<string>();
        Runoff? runoff = null;
        var seatsLeft = input.Seats;
        foreach (var group in results.Where(c => c.For >= threshold).GroupBy(c => c.For))
        {
            if (seatsLeft == 0)
            {
                break;
            }

            var names = group.Select(c => c.Name).ToList();
            if (names.Count <= seatsLeft)
            {
                elected.AddRange(names);
                seatsLeft -= names.Count;
            }
            else
            {
                runoff = new Runoff(names.Order(StringComparer.Ordinal).ToList(), seatsLeft);
                seatsLeft = 0;
            }
        }

        return new CountResult(CountStatus.Counted, null, threshold, returned, valid.Count, returned - valid.Count,
            results, elected, runoff, seatsLeft);
    }

    // ---- Helpers ----

    private static List<T> Permute<T>(IReadOnlyList<T> items, int seed)
    {
        var list = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    /// <summary>Structural equality of two results, lists in order.</summary>
    private static Property Same(CountResult a, CountResult b) =>
        (a.Status == b.Status && a.VoidReason == b.VoidReason && a.Threshold == b.Threshold
         && a.BallotsReturned == b.BallotsReturned && a.ValidBallots == b.ValidBallots && a.InvalidBallots == b.InvalidBallots
         && a.Results.SequenceEqual(b.Results) && a.Elected.SequenceEqual(b.Elected)
         && SameRunoff(a.Runoff, b.Runoff) && a.UnfilledSeats == b.UnfilledSeats)
        .Label($"{Describe(a)}\n  differs from\n{Describe(b)}");

    private static bool SameRunoff(Runoff? a, Runoff? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.Seats == b.Seats && a.Names.SequenceEqual(b.Names));

    private static string Describe(CountResult r) => JsonNode.Parse(CountJson.Write(r))!.ToJsonString(Compact);

    private static string Json(Ballot b) => BallotJson(b).ToJsonString(Compact);

    /// <summary>The input in the JSON contract of a count (camelCase; what a tellers' file or a published ballot list holds).</summary>
    private static JsonObject InputJson(CountInput input) => new()
    {
        ["mode"] = input.Mode switch
        {
            ElectionMode.Formal => "formal",
            ElectionMode.Preliminary => "preliminary",
            _ => "recommendation",
        },
        ["seats"] = input.Seats,
        ["entitledVoters"] = input.EntitledVoters,
        ["votersPresent"] = input.VotersPresent,
        ["ballotsIssued"] = input.BallotsIssued,
        ["candidates"] = Names(input.Candidates),
        ["ballots"] = new JsonArray(input.Ballots.Select(b => (JsonNode)BallotJson(b)).ToArray()),
    };

    private static JsonObject BallotJson(Ballot b)
    {
        var o = new JsonObject();
        if (b.Void)
        {
            o["void"] = true;
        }

        if (b.For.Count > 0)
        {
            o["for"] = Names(b.For);
        }

        if (b.Against.Count > 0)
        {
            o["against"] = Names(b.Against);
        }

        if (b.WriteIns.Count > 0)
        {
            o["writeIns"] = Names(b.WriteIns);
        }

        return o;
    }

    private static JsonArray Names(IEnumerable<string> names) => new(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
}
