using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// How often a cadre-work supervisor reports, rule data: a report every <see cref="ReportMonths"/> months (periods
/// aligned on the calendar year), due <see cref="GraceDays"/> days after the period ends. Seed 004, 三 (三) 建立干部工作监督员
/// 制度: "通过定期听取干部工作监督员对联系单位干部的情况" — regular reports, no figure given; <see cref="Defaults"/> are the
/// project's: quarterly, within 10 days.
/// </summary>
public sealed record SupervisorRules(int ReportMonths, int GraceDays)
{
    public const int MaxGraceDays = 90;

    public static SupervisorRules Defaults { get; } = new(3, 10);

    /// <summary>Periods in a year.</summary>
    public int PeriodsPerYear => 12 / ReportMonths;

    /// <summary>The first and last day of period <paramref name="period"/> (1-based) of <paramref name="year"/>.</summary>
    public (DateOnly Start, DateOnly End) Period(int year, int period)
    {
        var start = new DateOnly(year, ((period - 1) * ReportMonths) + 1, 1);
        return (start, start.AddMonths(ReportMonths).AddDays(-1));
    }

    /// <summary>Rule data a district sets: months that divide the year (1, 2, 3, 4, 6, 12) and 0 to <see cref="MaxGraceDays"/> days of grace.</summary>
    public void Demand()
    {
        if (ReportMonths is not (1 or 2 or 3 or 4 or 6 or 12))
        {
            throw new DomainRuleException("Cadre.ReportMonths", "reportMonths");
        }

        if (GraceDays < 0 || GraceDays > MaxGraceDays)
        {
            throw new DomainRuleException("Input.OutOfRange", "graceDays", "Field.Cadre.GraceDays", 0, MaxGraceDays);
        }
    }
}

/// <summary>A unit a supervisor follows (联系单位).</summary>
public sealed class SupervisorUnit
{
    public int Id { get; set; }

    public int WorkSupervisorId { get; set; }

    public int UnitId { get; set; }
}

/// <summary>A supervisor's report for one period on the cadres of their units.</summary>
public sealed class SupervisorReport
{
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int WorkSupervisorId { get; set; }

    public int Year { get; set; }

    public int Period { get; set; }

    public DateOnly SubmittedOn { get; set; }

    public string Text { get; set; } = string.Empty;
}

/// <summary>
/// A cadre-work supervisor (干部工作监督员, CAD-7): a person appointed by the department (seed 004, 三 (三): "从调研员队伍中聘请
/// 20名左右同志作为干部工作监督员"), attached to the units whose cadres they follow, reporting each period
/// (<see cref="SupervisorRules"/>) so the department knows the cadres between assessments (加强对干部的平时考察).
/// </summary>
public sealed class WorkSupervisor : IVersioned
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The department's organization that appoints, for scope.</summary>
    public int OrganizationId { get; set; }

    public DateOnly AppointedOn { get; set; }

    /// <summary>The last day of the appointment (none while it runs).</summary>
    public DateOnly? EndedOn { get; set; }

    public List<SupervisorUnit> Units { get; set; } = [];

    public List<SupervisorReport> Reports { get; set; } = [];

    public int Version { get; set; }

    public bool IsActive => EndedOn is null;

    /// <summary>Appoints a person not already serving (<paramref name="personsAppointments"/>), on a day not after today.</summary>
    public static WorkSupervisor Appoint(int personId, int organizationId, DateOnly appointedOn, IEnumerable<WorkSupervisor> personsAppointments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(personsAppointments);
        CadreDays.Done(appointedOn, "appointedOn", "Field.Cadre.AppointedOn", today);
        if (personsAppointments.Any(s => s.PersonId == personId && s.IsActive))
        {
            throw new DomainRuleException("Cadre.SupervisorTwice", "personId");
        }

        return new() { PersonId = personId, OrganizationId = organizationId, AppointedOn = appointedOn };
    }

    /// <summary>Ends a running appointment on its last day: not before it began, not after today.</summary>
    public void End(DateOnly on, DateOnly today)
    {
        RefuseIfEnded();
        EndedOn = CadreDays.Closing(on, AppointedOn, today);
    }

    /// <summary>Attaches a unit the supervisor does not follow yet.</summary>
    public void AttachUnit(int unitId)
    {
        RefuseIfEnded();
        if (Units.Exists(u => u.UnitId == unitId))
        {
            throw new DomainRuleException("Cadre.UnitAttachedTwice", "unitId");
        }

        Units.Add(new() { WorkSupervisorId = Id, UnitId = unitId });
    }

    /// <summary>Detaches a unit the supervisor follows.</summary>
    public void DetachUnit(int unitId)
    {
        RefuseIfEnded();
        if (Units.RemoveAll(u => u.UnitId == unitId) == 0)
        {
            throw new DomainRuleException("Cadre.UnitNotAttached", "unitId");
        }
    }

    /// <summary>
    /// Files the report for one period: a period of the rule data in a sane year, not yet reported, handed in from the
    /// period's first day to today, with its text. Refused, nothing changes.
    /// </summary>
    public SupervisorReport AddReport(int year, int period, string? text, DateOnly submittedOn, SupervisorRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RefuseIfEnded();
        if (year < SaneDates.MinDay.Year || year > SaneDates.MaxDay.Year)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Cadre.ReportYear", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }

        if (period < 1 || period > rules.PeriodsPerYear)
        {
            throw new DomainRuleException("Input.OutOfRange", "period", "Field.Cadre.ReportPeriod", 1, rules.PeriodsPerYear);
        }

        if (Reports.Exists(r => r.Year == year && r.Period == period))
        {
            throw new DomainRuleException("Cadre.ReportPeriodTwice", "period", year, period);
        }

        CadreDays.Done(submittedOn, "submittedOn", "Field.Cadre.SubmittedOn", today);
        var (start, _) = rules.Period(year, period);
        if (submittedOn < start)
        {
            throw new DomainRuleException("Cadre.ReportBeforePeriod", "submittedOn", DateText.Format(start));
        }

        var body = TextInput.Required(text, SupervisorReport.MaxTextLength, "text", "Field.Cadre.ReportText");
        var report = new SupervisorReport { WorkSupervisorId = Id, Year = year, Period = period, SubmittedOn = submittedOn, Text = body };
        Reports.Add(report);
        return report;
    }

    private void RefuseIfEnded()
    {
        if (!IsActive)
        {
            throw new DomainRuleException("Cadre.SupervisorEnded", "endedOn");
        }
    }
}

/// <summary>A report a supervisor owes: the period, and the day it fell due.</summary>
public sealed record OverdueReport(int PersonId, int Year, int Period, DateOnly Due);

/// <summary>The supervisors' reports overdue on a day, a pure function.</summary>
public static class SupervisorReports
{
    /// <summary>
    /// For each supervisor serving on <paramref name="asOf"/>, the periods that overlap the appointment and whose due day
    /// (period end + grace) has passed — due on <c>asOf</c> is not yet overdue — without a report; by person, then period.
    /// </summary>
    public static IReadOnlyList<OverdueReport> Overdue(IEnumerable<WorkSupervisor> supervisors, SupervisorRules rules, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(supervisors);
        ArgumentNullException.ThrowIfNull(rules);
        var result = new List<OverdueReport>();
        foreach (var s in supervisors.Where(s => s.AppointedOn <= asOf && (s.EndedOn is not { } e || asOf <= e)).OrderBy(s => s.PersonId))
        {
            for (var year = s.AppointedOn.Year; year <= asOf.Year; year++)
            {
                for (var period = 1; period <= rules.PeriodsPerYear; period++)
                {
                    var (_, end) = rules.Period(year, period);
                    var due = end.AddDays(rules.GraceDays);
                    if (end >= s.AppointedOn && due < asOf && !s.Reports.Exists(r => r.Year == year && r.Period == period))
                    {
                        result.Add(new(s.PersonId, year, period, due));
                    }
                }
            }
        }

        return result;
    }
}
