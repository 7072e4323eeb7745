using Dangjian.Domain.Supervision;

namespace Dangjian.Data.Demo;

/// <summary>
/// 三务公开 (SUP-4) on the townships' boards: each township but the last, and its first villages and communities, post
/// party, village and finance items this quarter and last; the last township has posted nothing, so the list of
/// organizations that published nothing has rows. Made through <see cref="Disclosure.Publish"/> (no day after today),
/// with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoDisclosures
{
    private static readonly (DisclosureCategory Category, string Title, string Content)[] Kinds =
    [
        (DisclosureCategory.PartyAffairs, "{0}{1}党务公开", "本季度召开党员大会 1 次、支委会 3 次，确定发展对象 1 名，党费收缴率 100%。"),
        (DisclosureCategory.VillageAffairs, "{0}{1}村务公开", "村内道路修缮项目经村民代表会议表决通过，施工单位、预算和工期张贴公示，接受群众监督。"),
        (DisclosureCategory.Finance, "{0}{1}财务收支公开", "本季度集体经济收入、上级补助和各项支出明细附后，单笔五千元以上支出均经村务监督委员会审核。"),
    ];

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x5347);
        var townships = plan.District.Children;
        var current = DisclosureQuarter.Of(today);
        var last = DisclosureQuarter.Of(current.FirstDay.AddDays(-1));
        foreach (var township in townships.Take(townships.Count - 1))
        {
            foreach (var org in township.Children.Take(3).Prepend(township))
            {
                foreach (var quarter in new[] { last, current })
                {
                    var lastDay = quarter.LastDay < today ? quarter.LastDay : today;
                    var span = lastDay.DayNumber - quarter.FirstDay.DayNumber;
                    foreach (var (category, title, content) in Kinds.Where(_ => random.Next(4) > 0))
                    {
                        var day = quarter.FirstDay.AddDays(random.Next(span + 1));
                        var label = $"{quarter.Year}年第{quarter.Number}季度";
                        db.Disclosures.Add(Disclosure.Publish(org.Entity.Id, category, string.Format(System.Globalization.CultureInfo.InvariantCulture, title, org.Place, label), content, day, today));
                    }
                }
            }
        }

        return db.SaveChangesAsync(ct);
    }
}
