namespace Dangjian.Domain.Cadres.Selection;

/// <summary>The organization department's lists over selection cases, at a given day: pure, the day passed in.</summary>
public static class SelectionLists
{
    /// <summary>
    /// Appointed cases whose probation is over on <paramref name="today"/> (its last day has passed) with no end review
    /// recorded yet (试用期满考核 overdue), the longest overdue first.
    /// </summary>
    public static IReadOnlyList<SelectionCase> ProbationReviewsDue(IEnumerable<SelectionCase> cases, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases
            .Where(c => !c.IsStopped && c.Phase == SelectionPhase.Appointed && c.ProbationLastDay < today)
            .OrderBy(c => c.ProbationLastDay).ThenBy(c => c.Id)];
    }

    /// <summary>
    /// Cases in publicity that cannot be appointed on <paramref name="today"/>, with why: the period still runs, or
    /// objections are open (how many).
    /// </summary>
    public static IReadOnlyList<(SelectionCase Case, bool PeriodRuns, int OpenObjections)> AppointmentBlocked(IEnumerable<SelectionCase> cases, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases
            .Where(c => !c.IsStopped && c.Phase == SelectionPhase.InPublicity)
            .Select(c => (Case: c, PeriodRuns: today <= c.PublicityLastDay, OpenObjections: c.OpenObjections.Count()))
            .Where(t => t.PeriodRuns || t.OpenObjections > 0)
            .OrderBy(t => t.Case.PublicityLastDay).ThenBy(t => t.Case.Id)];
    }

    /// <summary>
    /// Who may sit on an inspection team on <paramref name="day"/> (考察资格认证, seed 004 三 (三)): each holder of a
    /// certificate valid that day, once, with the certificate that lasts longest, by name.
    /// </summary>
    public static IReadOnlyList<InspectionQualification> QualifiedInspectors(IEnumerable<InspectionQualification> certificates, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        return [.. certificates
            .Where(c => c.IsValidOn(day))
            .GroupBy(c => c.PersonId)
            .Select(g => g.MaxBy(c => c.ExpiresOn)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.PersonId)];
    }
}
