using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Dangjian.Domain.Tests.Cadres.ReserveCadreTests;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>
/// Invariants of the reserve pool (property tests): whatever postings are tried, those kept never share a day; and each
/// of the pool's views splits exactly the entries in the pool on the day, counted one by one.
/// </summary>
public sealed class CadresProperties
{
    private static readonly DateOnly Start = D("2025-01-10");

    /// <summary>Postings tried in any order: a first day within 60 days of the entry, and a length of −2 to 20 days or none (still running).</summary>
    private static Arbitrary<(int From, int? Length)[]> Tries() =>
        Gen.Zip(Gen.Choose(0, 60), Gen.Choose(-3, 20).Select(n => n < -2 ? (int?)null : n)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 500)]
    public Property AddPosting_TheKeptPostingsNeverShareADay() =>
        Prop.ForAll(Tries(), tries =>
        {
            var e = Enter();
            foreach (var (from, length) in tries)
            {
                try
                {
                    e.AddPosting(PostingKind.Secondment, "东吴村", Start.AddDays(from), length is { } n ? Start.AddDays(from + n) : null);
                }
                catch (DomainRuleException)
                {
                    // Refused: the invariant is on what was kept.
                }
            }

            var days = e.Postings.SelectMany(p => Enumerable.Range(p.From.DayNumber, ((p.To ?? Start.AddDays(100)).DayNumber - p.From.DayNumber) + 1)).ToList();
            return days.Count == days.Distinct().Count() && e.Postings.TrueForAll(p => p.To is not { } to || to >= p.From);
        });

    /// <summary>Entries: entered 0–400 days before the day asked, left 0–400 days after entering or never, born 20–65 years before or unknown.</summary>
    private static Arbitrary<(int Entered, int? Left, int? AgeDays, int Type, int Education)[]> Pools() =>
        Gen.Zip(
                Gen.Zip(Gen.Choose(0, 400), Gen.Choose(-100, 400).Select(n => n < 0 ? (int?)null : n)),
                Gen.Zip(Gen.Choose(-2000, 65 * 366).Select(n => n < 20 * 365 ? (int?)null : n), Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, 3))))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2.Item1, t.Item2.Item2.Item2))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Views_EachSplitsExactlyTheEntriesInThePool() =>
        Prop.ForAll(Pools(), pool =>
        {
            var asOf = D("2026-06-30");
            var facts = pool.Select((p, i) =>
            {
                var e = ReserveCadre.Enter(i, 1, "副科级", $"类型{p.Type}", ReserveSource.PublicSelection, asOf.AddDays(-p.Entered), null, [], asOf);
                if (p.Left is { } left && asOf.AddDays(-p.Entered + left) <= asOf)
                {
                    e.Leave(asOf.AddDays(-p.Entered + left), "调出", asOf);
                }

                return new ReserveCadreFacts(e, p.AgeDays is { } a ? asOf.AddDays(-a) : null, p.Education == 0 ? null : $"学历{p.Education}");
            }).ToList();

            var view = ReservePoolViews.On(facts, AgeBands.Defaults, asOf);
            var inPool = facts.Count(f => f.Entry.EnteredOn <= asOf && (f.Entry.LeftOn is null || f.Entry.LeftOn > asOf));
            return view.Total == inPool
                && view.ByPostType.Sum(c => c.Count) == inPool
                && view.ByEducation.Sum(c => c.Count) == inPool
                && view.ByAgeBand.Sum(b => b.Count) + view.AgeUnknown == inPool
                && view.ByAgeBand.Count == AgeBands.Defaults.Limits.Count + 1;
        });
}
