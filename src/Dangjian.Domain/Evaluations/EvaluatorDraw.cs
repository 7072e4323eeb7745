using System.Security.Cryptography;
using System.Text;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Evaluations;

/// <summary>One entry of a population to draw evaluators from: a unique key (an ID, a roster number) and its stratum (an organization), if any.</summary>
public sealed record DrawEntry(string Key, string? Stratum = null);

/// <summary>
/// Random sampling of evaluators (随机抽取测评人, EVA-4): a draw anyone can reproduce from
/// the seed published with the campaign, independent of the order of the population, of the platform and of the database.
/// <para>
/// The algorithm. Each entry's rank is the lowercase hex SHA-256 of the UTF-8 bytes of <c>seed + "\n" + key</c>; the
/// draw is the <c>count</c> entries with the lowest ranks (compared as strings, ordinally), in rank order. To check a
/// draw by hand, for each key run <c>printf '%s\n%s' "$SEED" "$KEY" | sha256sum</c>, sort the lines (LC_ALL=C) and take the first
/// <c>count</c>: e.g. <c>for k in A B C; do printf '%s  %s\n' "$(printf '%s\n%s' 2026 "$k" | sha256sum | cut -c1-64)" "$k"; done | LC_ALL=C sort | head -n 3</c>.
/// </para>
/// <para>
/// A stratified draw (by organization) first decides how many each stratum gives: either counts given per stratum, or
/// in proportion to the strata's sizes by the largest-remainder (Hamilton) method — each stratum gets the whole part of
/// <c>count × size ÷ population</c>, and the seats left go one each to the strata with the largest remainders, equal
/// remainders by stratum key (ordinal). Each stratum then draws its count by the same ranking. The drawn keys of all
/// strata are listed together in rank order.
/// </para>
/// </summary>
public static class EvaluatorDraw
{
    /// <summary>A fresh seed from the cryptographic generator: 20 hex digits in groups of four (e.g. 3f9a-07c1-…), easy to read out and publish.</summary>
    public static string NewSeed()
    {
        var hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        return string.Join('-', Enumerable.Range(0, 5).Select(i => hex.Substring(i * 4, 4)));
    }

    /// <summary>An entry's rank for a seed: lowercase hex SHA-256 of UTF-8 <c>seed + "\n" + key</c>.</summary>
    public static string Rank(string seed, string key)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + key)));
    }

    /// <summary>Every problem with a simple draw, as (field, message); empty when the draw can be made.</summary>
    public static IReadOnlyList<ContractError> Check(string seed, IReadOnlyList<DrawEntry> population, int count)
    {
        var errors = CheckPopulation(seed, population);
        if (count < 0)
        {
            errors.Add(new("count", $"count may not be negative (is {count})"));
        }
        else if (count > population.Count)
        {
            errors.Add(new("count", $"count ({count}) is more than the population ({population.Count})"));
        }

        return errors;
    }

    /// <summary>
    /// Every problem with a stratified draw, as (field, message): with <paramref name="strataCounts"/> each must name a
    /// stratum of the population and be within its size; otherwise <paramref name="count"/> is shared proportionally.
    /// </summary>
    public static IReadOnlyList<ContractError> CheckStratified(
        string seed, IReadOnlyList<DrawEntry> population, int count, IReadOnlyDictionary<string, int>? strataCounts)
    {
        var errors = CheckPopulation(seed, population);
        for (var i = 0; i < population.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(population[i]?.Stratum))
            {
                errors.Add(new($"population[{i}].stratum", "a stratified draw needs every entry's stratum"));
            }
        }

        if (strataCounts is null)
        {
            if (count < 0)
            {
                errors.Add(new("count", $"count may not be negative (is {count})"));
            }
            else if (count > population.Count)
            {
                errors.Add(new("count", $"count ({count}) is more than the population ({population.Count})"));
            }

            return errors;
        }

        var sizes = population.Where(e => e?.Stratum is not null).GroupBy(e => e.Stratum!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (stratum, n) in strataCounts)
        {
            var size = sizes.GetValueOrDefault(stratum);
            if (n < 0)
            {
                errors.Add(new($"strataCounts.{stratum}", $"a count may not be negative (is {n})"));
            }
            else if (!sizes.ContainsKey(stratum))
            {
                errors.Add(new($"strataCounts.{stratum}", $"no entry of the population is in stratum \"{stratum}\""));
            }
            else if (n > size)
            {
                errors.Add(new($"strataCounts.{stratum}", $"count ({n}) is more than the stratum's population ({size})"));
            }
        }

        return errors;
    }

    /// <summary>The <paramref name="count"/> entries with the lowest ranks, as keys in rank order.</summary>
    /// <exception cref="ArgumentException">The draw is refused: see <see cref="Check"/>.</exception>
    public static IReadOnlyList<string> Draw(string seed, IReadOnlyList<DrawEntry> population, int count)
    {
        ThrowIfAny(Check(seed, population, count));
        return Ranked(seed, population).Take(count).Select(x => x.Key).ToList();
    }

    /// <summary>
    /// A stratified draw: per stratum the given count (<paramref name="strataCounts"/>; strata not named give none) or,
    /// when null, a share of <paramref name="count"/> by <see cref="Allocate"/>; the drawn keys of all strata in rank order.
    /// </summary>
    /// <exception cref="ArgumentException">The draw is refused: see <see cref="CheckStratified"/>.</exception>
    public static IReadOnlyList<string> DrawStratified(
        string seed, IReadOnlyList<DrawEntry> population, int count, IReadOnlyDictionary<string, int>? strataCounts = null)
    {
        ThrowIfAny(CheckStratified(seed, population, count, strataCounts));
        var strata = population.GroupBy(e => e.Stratum!, StringComparer.Ordinal).ToList();
        var counts = strataCounts ?? Allocate(strata.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), count);
        return strata
            .SelectMany(g => Ranked(seed, g.ToList()).Take(counts.GetValueOrDefault(g.Key)))
            .OrderBy(x => x.Rank, StringComparer.Ordinal)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Key)
            .ToList();
    }

    /// <summary>
    /// Shares <paramref name="count"/> among strata in proportion to their sizes by the largest-remainder (Hamilton)
    /// method: the whole part of count × size ÷ total each, then one more each to the largest remainders, equal
    /// remainders by stratum key (ordinal). The shares sum to count and none exceeds its stratum's size.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Allocate(IReadOnlyDictionary<string, int> sizes, int count)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        long total = sizes.Values.Sum(v => (long)v);
        if (count < 0 || count > total || sizes.Values.Any(v => v < 0))
        {
            throw new ArgumentException($"cannot share {count} among strata of {total}", nameof(count));
        }

        var shares = new Dictionary<string, int>(StringComparer.Ordinal);
        if (total == 0)
        {
            return sizes.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        }

        // Exact integer arithmetic: quota = count × size / total, remainder compared as the numerator count × size mod total.
        var remainders = new List<(string Key, long Remainder)>();
        foreach (var (key, size) in sizes)
        {
            var product = (long)count * size;
            shares[key] = (int)(product / total);
            remainders.Add((key, product % total));
        }

        var left = count - shares.Values.Sum();
        foreach (var (key, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Key, StringComparer.Ordinal).Take(left))
        {
            shares[key]++;
        }

        return shares;
    }

    private static IEnumerable<(string Key, string Rank)> Ranked(string seed, IReadOnlyList<DrawEntry> entries) =>
        entries.Select(e => (e.Key, Rank: Rank(seed, e.Key)))
            .OrderBy(x => x.Rank, StringComparer.Ordinal)
            .ThenBy(x => x.Key, StringComparer.Ordinal);

    private static List<ContractError> CheckPopulation(string seed, IReadOnlyList<DrawEntry> population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var errors = new List<ContractError>();
        if (string.IsNullOrWhiteSpace(seed))
        {
            errors.Add(new("seed", "the seed is missing: publish one (e.g. from EvaluatorDraw.NewSeed) before drawing"));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < population.Count; i++)
        {
            var key = population[i]?.Key;
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add(new($"population[{i}].key", "an entry's key is empty"));
            }
            else if (!keys.Add(key))
            {
                errors.Add(new($"population[{i}].key", $"the key \"{key}\" is listed twice"));
            }
        }

        return errors;
    }

    private static void ThrowIfAny(IReadOnlyList<ContractError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException("draw refused: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
