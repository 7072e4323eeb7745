using Dangjian.Domain.Cadres;

namespace Dangjian.Data.Demo;

/// <summary>
/// CAD-7 in the demo district: an exit case (引咎辞职, decided) and one still proposed; about twenty cadre-work supervisors
/// (seed 004: 从调研员队伍中聘请20名左右同志作为干部工作监督员) appointed by the district, each following two units, most
/// with last quarter's report filed (so some owe one); and one accountability case for an appointment whose selection was
/// not recorded here (no selection case link). Made through the entities' methods with a seeded <see cref="Random"/>.
/// </summary>
internal static class DemoCadreCases
{
    public const int Supervisors = 20;

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x2C7D);
        var district = plan.District.Entity.Id;
        var leaders = plan.Teams.SelectMany(t => t.Seats.Select(s => (t.Org, s.Person))).ToList();
        if (leaders.Count >= 2)
        {
            var (org, person) = leaders[0];
            var fault = ExitCase.Open(person.Id, org.Entity.Id, ExitKind.ResignationForFault, "分管领域发生安全生产责任事故，造成不良社会影响，本人提出引咎辞职。", today.AddDays(-40), today);
            fault.Decide(ExitOutcome.Approved, "区委常委会", "同意其辞去现任职务，按有关规定另行安排工作。", today.AddDays(-25), today);
            db.ExitCases.Add(fault);
            var (org2, person2) = leaders[^1];
            db.ExitCases.Add(ExitCase.Open(person2.Id, org2.Entity.Id, ExitKind.Dismissal, "连续两年年度考核为基本称职，经组织调整仍不能胜任现职。", today.AddDays(-7), today));
        }

        // Supervisors come from people who sit on no team, townships first (调研员 are no longer in a leading post).
        var seated = leaders.Select(l => l.Person.Id).ToHashSet();
        var pool = plan.People.Where(p => p.Org.Level >= 1 && !seated.Contains(p.Entity.Id)).OrderBy(p => p.Org.Level).Select(p => p.Entity).Take(Supervisors).ToList();
        var units = plan.Units.Select(u => u.Entity.Id).ToList();
        var rules = SupervisorRules.Defaults;
        var appointed = today.AddYears(-1);
        var (lastYear, lastPeriod) = LastDuePeriod(today, rules);
        foreach (var (person, i) in pool.Select((p, i) => (p, i)))
        {
            var s = WorkSupervisor.Appoint(person.Id, district, appointed, [], today);
            foreach (var unit in units.Skip(i * 2 % Math.Max(units.Count, 1)).Take(2))
            {
                s.AttachUnit(unit);
            }

            // Two in three have filed the last period due; the others owe it.
            if (lastYear > 0 && random.Next(3) > 0)
            {
                var (start, end) = rules.Period(lastYear, lastPeriod);
                var day = end.AddDays(1 + random.Next(rules.GraceDays));
                s.AddReport(lastYear, lastPeriod, "联系单位领导班子运行正常，干部工作作风总体较好；个别干部存在工作推进慢的问题，已提醒单位主要负责人关注。", day > today ? today : day < start ? start : day, rules, today);
            }

            db.WorkSupervisors.Add(s);
        }

        db.AccountabilityCases.Add(AccountabilityCase.Open(
            district, null, AccountabilityGround.InspectionNotThorough,
            "某镇副镇长任职不足一年即因违纪被立案审查，任前考察未开展生活圈、社交圈考察（任用早于本系统的选任写实记录）。", today.AddDays(-12), today));
        return db.SaveChangesAsync(ct);
    }

    /// <summary>The latest period whose report fell due before today (year 0 when none).</summary>
    private static (int Year, int Period) LastDuePeriod(DateOnly today, SupervisorRules rules)
    {
        for (var year = today.Year; year >= today.Year - 1; year--)
        {
            for (var period = rules.PeriodsPerYear; period >= 1; period--)
            {
                var (_, end) = rules.Period(year, period);
                if (end.AddDays(rules.GraceDays) < today)
                {
                    return (year, period);
                }
            }
        }

        return (0, 0);
    }
}
