using Dangjian.Domain.Dues;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;

namespace Dangjian.Data.Demo;

/// <summary>
/// Six months of dues for the sample township's branches (DUE-1, DUE-2) and a few activity-fund entries (DUE-3): every
/// member's profile from the first of the six months, most months paid on the 10th, some arrears, one month excused, and
/// one member of the sample branch who has paid nothing for all six months (flagged, 党章 第九条). Made through the
/// entities' own rules, so the ledger the pages compute from them is the one a branch would keep.
/// </summary>
internal static class DemoDues
{
    public const int Months = DuesLedger.DefaultFlagAfterMonths;

    private const int Seed = 2008; // 中组发〔2008〕3号
    private const string By = "demo";

    /// <summary>The member of the sample branch who paid nothing in the six months: the first full member after the secretary and the sample member.</summary>
    public static Person Flagged(DemoPlan plan) =>
        plan.SampleBranch.Roll.First(p => p.Status == MemberStatus.Full && p.Id != plan.SampleMember.Id && p.Id != plan.SampleSecretary.Id);

    /// <summary>The first of the six months.</summary>
    public static DateOnly FirstMonth(DateOnly today) => DuesMonths.Of(today).AddMonths(1 - Months);

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var rates = DuesRates.National;
        var first = FirstMonth(today);
        var township = plan.SampleBranch.Parent!;
        var flagged = Flagged(plan);
        var excusedDone = false;
        foreach (var branch in township.Children.Where(o => o.Entity.Kind == OrganizationKind.Branch))
        {
            foreach (var person in branch.Roll.Where(p => p.Status.IsMember() && !p.IsRemoved))
            {
                var profile = Profile(person, rnd, first, rates);
                db.DuesProfiles.Add(profile);
                for (var month = first; month <= DuesMonths.Of(today); month = month.AddMonths(1))
                {
                    var paidOn = month.AddDays(9);
                    var missed = person.Id == flagged.Id || paidOn > today || (person.Id != plan.SampleMember.Id && rnd.NextDouble() < 0.06);
                    if (!missed)
                    {
                        db.DuesPayments.Add(DuesPaymentRecord.Payment(person.Id, branch.Entity.Id, month, profile.Monthly(rates), paidOn, today, By, Instant(paidOn)));
                    }
                    else if (!excusedDone && person.Id != flagged.Id && paidOn <= today)
                    {
                        excusedDone = true;
                        db.DuesPayments.Add(DuesPaymentRecord.Excuse(person.Id, branch.Entity.Id, month, "因病住院，经支委会研究同意免交当月党费", By, Instant(paidOn)));
                    }
                }
            }
        }

        // The sample member owes the month before last, so /me shows arrears as well as payments.
        var owed = DuesMonths.Of(today).AddMonths(-2);
        var skipped = db.DuesPayments.Local.FirstOrDefault(p => p.PersonId == plan.SampleMember.Id && p.Month == owed);
        if (skipped is not null)
        {
            db.DuesPayments.Remove(skipped);
        }

        AddFunds(db, plan.SampleBranch.Entity.Id, township.Entity.Id, first, today);
        await db.SaveChangesAsync(ct);
    }

    private static DuesProfile Profile(Person person, Random rnd, DateOnly first, DuesRates rates)
    {
        var roll = rnd.NextDouble();
        var (category, baseIncome, amount) = roll switch
        {
            < 0.6 => (DuesCategory.Salaried, (decimal?)(rnd.Next(25, 120) * 100), (decimal?)null),
            < 0.85 => (DuesCategory.Retired, rnd.Next(30, 70) * 100, null),
            < 0.97 => (DuesCategory.Farmer, null, rnd.Next(2, 11) / 10m),
            _ => (DuesCategory.Subsistence, null, null),
        };
        return DuesProfile.Create(person.Id, category, baseIncome, amount, first, rates, By, Instant(first));
    }

    private static void AddFunds(DangjianDbContext db, int branch, int township, DateOnly first, DateOnly today)
    {
        var entries = new (int Org, ActivityFundKind Kind, decimal Amount, string Purpose, string? Approver, DateOnly On)[]
        {
            (township, ActivityFundKind.Received, 20000m, "区委组织部下拨党建工作专项经费", null, first.AddDays(4)),
            (township, ActivityFundKind.Spent, 6800m, "基层党组织书记轮训场地和教材", "镇党委书记", first.AddDays(40)),
            (branch, ActivityFundKind.Received, 3000m, "镇党委下拨支部活动经费", null, first.AddDays(5)),
            (branch, ActivityFundKind.Spent, 420m, "“七一”主题党日活动租车", "支部书记", first.AddDays(35)),
            (branch, ActivityFundKind.Spent, 586.5m, "购买党员学习资料和笔记本", "支部书记", first.AddDays(70)),
            (branch, ActivityFundKind.Spent, 300m, "走访慰问生活困难党员", "支部书记", first.AddDays(100)),
        };
        var balances = new Dictionary<int, decimal> { [branch] = 0m, [township] = 0m };
        foreach (var (org, kind, amount, purpose, approver, on) in entries.Where(e => e.On <= today).OrderBy(e => e.On))
        {
            var entry = ActivityFundEntry.Create(org, kind, amount, purpose, approver, on, balances[org], today, By, Instant(on));
            balances[org] = balances[org] + (kind == ActivityFundKind.Spent ? -amount : amount);
            db.ActivityFunds.Add(entry);
        }
    }

    /// <summary>Mid-morning in Beijing on that day, as an instant (stored UTC).</summary>
    private static DateTimeOffset Instant(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
