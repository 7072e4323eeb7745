using Dangjian.Domain.Evaluations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>Random sampling of evaluators by a published seed (EVA-4).</summary>
public sealed class EvaluatorDrawTests
{
    private static readonly DrawEntry[] AtoJ = [.. "ABCDEFGHIJ".Select(c => new DrawEntry(c.ToString()))];

    /// <summary>
    /// The draw checked by hand, outside .NET: for each key, the SHA-256 of "2026\nKEY", sorted:
    /// <code>for k in A B C D E F G H I J; do printf '%s  %s\n' "$(printf '%s\n%s' 2026 "$k" | sha256sum | cut -c1-64)" "$k"; done | LC_ALL=C sort</code>
    /// gives 4f84b9b9… C, 554e4bc1… D, 67ee1bb7… J, 84a1a565… B, a02099d5… A, …
    /// </summary>
    [Fact]
    public void Draw_KnownVector_MatchesSha256sum()
    {
        Assert.Equal("4f84b9b9f41b13edd66dbab1214c76fdc3d6ed47a5cd801044b7b31242c69a3f", EvaluatorDraw.Rank("2026", "C"));
        Assert.Equal("a02099d5b4c70ddc8b9f4953ebeb0eccdc2dacf8cc35cbb1534ee31fed2ca467", EvaluatorDraw.Rank("2026", "A"));
        Assert.Equal(["C", "D", "J"], EvaluatorDraw.Draw("2026", AtoJ, 3));
        Assert.Equal(["C", "D", "J", "B", "A"], EvaluatorDraw.Draw("2026", AtoJ, 5));
    }

    [Fact]
    public void Rank_HashesUtf8_SoChineseKeysAndSeedsWork()
    {
        // printf '%s\n%s' 换届2026 张伟 | sha256sum
        Assert.Equal(64, EvaluatorDraw.Rank("换届2026", "张伟").Length);
        Assert.NotEqual(EvaluatorDraw.Rank("换届2026", "张伟"), EvaluatorDraw.Rank("换届2026", "王芳"));
    }

    [Property(MaxTest = 200)]
    public Property Draw_PopulationInAnyOrder_GivesTheSameDraw() =>
        Prop.ForAll(Gen.Choose(0, 10).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, shuffle) =>
        {
            var random = new Random(shuffle);
            var reordered = AtoJ.OrderBy(_ => random.Next()).ToArray();
            return EvaluatorDraw.Draw("seed", AtoJ, count).SequenceEqual(EvaluatorDraw.Draw("seed", reordered, count));
        });

    [Fact]
    public void Draw_SameSeedTwice_SameDraw_DifferentSeed_DifferentDraw()
    {
        var population = Enumerable.Range(1, 200).Select(i => new DrawEntry($"M{i:000}")).ToList();

        var first = EvaluatorDraw.Draw("3f9a-07c1", population, 20);
        var again = EvaluatorDraw.Draw("3f9a-07c1", population, 20);
        var other = EvaluatorDraw.Draw("3f9a-07c2", population, 20);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Order(StringComparer.Ordinal), other.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Draw_AllOrNothing_AreTheBoundaries()
    {
        Assert.Empty(EvaluatorDraw.Draw("s", AtoJ, 0));
        Assert.Equal(10, EvaluatorDraw.Draw("s", AtoJ, 10).Count);
        Assert.Throws<ArgumentException>(() => EvaluatorDraw.Draw("s", AtoJ, 11));
        Assert.Throws<ArgumentException>(() => EvaluatorDraw.Draw("s", AtoJ, -1));
    }

    [Fact]
    public void Check_NamesEveryProblem()
    {
        DrawEntry[] population = [new("A"), new("B"), new("A"), new(" ")];

        var errors = EvaluatorDraw.Check("", population, 5);

        Assert.Equal(["seed", "population[2].key", "population[3].key", "count"], errors.Select(e => e.Field));
    }

    [Fact]
    public void NewSeed_IsRandomAndReadable()
    {
        var a = EvaluatorDraw.NewSeed();
        var b = EvaluatorDraw.NewSeed();

        Assert.Matches("^[0-9a-f]{4}(-[0-9a-f]{4}){4}$", a);
        Assert.NotEqual(a, b);
    }

    private static List<DrawEntry> Strata(params (string Stratum, int Size)[] strata) =>
        [.. strata.SelectMany(s => Enumerable.Range(1, s.Size).Select(i => new DrawEntry($"{s.Stratum}-{i:000}", s.Stratum)))];

    [Fact]
    public void DrawStratified_GivenCounts_AreRespected_AndEachStratumDrawsByTheSameRanking()
    {
        var population = Strata(("一支部", 30), ("二支部", 12), ("三支部", 5));
        var counts = new Dictionary<string, int> { ["一支部"] = 4, ["二支部"] = 3, ["三支部"] = 0 };

        var drawn = EvaluatorDraw.DrawStratified("2026", population, 7, counts);

        Assert.Equal(4, drawn.Count(k => k.StartsWith("一支部", StringComparison.Ordinal)));
        Assert.Equal(3, drawn.Count(k => k.StartsWith("二支部", StringComparison.Ordinal)));
        Assert.DoesNotContain(drawn, k => k.StartsWith("三支部", StringComparison.Ordinal));
        // Within a stratum it is the simple draw of that stratum; all together in rank order.
        Assert.Equal(
            EvaluatorDraw.Draw("2026", population.Where(e => e.Stratum == "二支部").ToList(), 3).Order(StringComparer.Ordinal),
            drawn.Where(k => k.StartsWith("二支部", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(drawn.OrderBy(k => EvaluatorDraw.Rank("2026", k), StringComparer.Ordinal), drawn);
    }

    [Fact]
    public void DrawStratified_Proportional_SharesByLargestRemainder()
    {
        // 10 of 47: quotas 6.383, 2.553, 1.064 → 6, 2, 1 and the one left to the largest remainder (二支部, .553).
        var population = Strata(("一支部", 30), ("二支部", 12), ("三支部", 5));

        var drawn = EvaluatorDraw.DrawStratified("2026", population, 10);

        Assert.Equal(
            [("一支部", 6), ("三支部", 1), ("二支部", 3)],
            drawn.GroupBy(k => k[..3]).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Allocate_EqualRemainders_GoByStratumKeyOrdinal()
    {
        // 1 of 3 equal strata: every quota is 1/3, so the seat goes to the first key in ordinal order.
        var shares = EvaluatorDraw.Allocate(new Dictionary<string, int> { ["C"] = 5, ["A"] = 5, ["B"] = 5 }, 1);

        Assert.Equal(1, shares["A"]);
        Assert.Equal(0, shares["B"] + shares["C"]);
    }

    [Property(MaxTest = 500)]
    public Property Allocate_SumsToTheCount_AndNoStratumGivesMoreThanItHas() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 40), 5).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (sizes, pick) =>
            {
                var total = sizes.Sum();
                var count = total == 0 ? 0 : pick % (total + 1);
                var strata = sizes.Select((s, i) => ($"S{i}", s)).ToDictionary(p => p.Item1, p => p.s);
                var shares = EvaluatorDraw.Allocate(strata, count);
                return shares.Values.Sum() == count && strata.All(s => shares[s.Key] <= s.Value && shares[s.Key] >= 0);
            });

    [Fact]
    public void CheckStratified_RefusesCountsOverAStratum_UnknownStrata_NegativeCounts_AndEntriesWithoutAStratum()
    {
        var population = Strata(("一支部", 3), ("二支部", 2));
        population.Add(new DrawEntry("X"));
        var counts = new Dictionary<string, int> { ["一支部"] = 4, ["二支部"] = -1, ["三支部"] = 1 };

        var errors = EvaluatorDraw.CheckStratified("s", population, 4, counts);

        Assert.Equal(["population[5].stratum", "strataCounts.一支部", "strataCounts.二支部", "strataCounts.三支部"], errors.Select(e => e.Field));
    }
}
