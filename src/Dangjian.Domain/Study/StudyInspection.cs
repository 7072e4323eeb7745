using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

/// <summary>What the superior organization reads (seed 000, 一: 分季度调阅学习笔记、按月查阅学习心得).</summary>
public enum StudyInspectionKind
{
    /// <summary>学习笔记, read each quarter.</summary>
    Notes,

    /// <summary>学习心得, read each month.</summary>
    Reflections,
}

public enum StudyInspectionStatus
{
    Open,
    Completed,
}

/// <summary>What the inspection found for one person: whether the notes or reflections were satisfactory, and what was noted.</summary>
public sealed class StudyInspectionFinding
{
    public const int MaxTextLength = 1000;

    public int Id { get; set; }

    public int InspectionId { get; set; }

    public int PersonId { get; set; }

    public bool Satisfactory { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// One inspection (调阅, STU-4) by the superior organization of an organization's people's study notes or reflections
/// (seed 000, 一: 对平时自学考察实行上级组织调阅制), held on <see cref="Date"/>; it covers the quarter (notes) or the month
/// (reflections) of that day. One finding per person; an unsatisfactory finding says why. Completed, it is fixed.
/// </summary>
public sealed class StudyInspection : IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }

    /// <summary>The organization whose people are inspected.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The superior organization that inspects.</summary>
    public int InspectorOrganizationId { get; set; }

    public StudyInspectionKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public string InspectorName { get; set; } = string.Empty;

    public StudyInspectionStatus Status { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<StudyInspectionFinding> Findings { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The quarter or the month the inspection covers.</summary>
    public StudyPeriod Period => StudyInspections.PeriodOf(Kind, Date);

    /// <summary>Opens an inspection held on a sane day, not in the future, by an organization other than the inspected one.</summary>
    public static StudyInspection Open(int organizationId, int inspectorOrganizationId, StudyInspectionKind kind, DateOnly date, string inspectorName, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.Study.InspectionKind");
        }

        if (inspectorOrganizationId == organizationId)
        {
            throw new DomainRuleException("Study.InspectorIsInspected", "inspectorOrganizationId");
        }

        StudyDays.Done(date, "date", "Field.Study.InspectionDate", today);

        var name = TextInput.Required(inspectorName, MaxNameLength, "inspectorName", "Field.Study.Inspector");
        return new() { OrganizationId = organizationId, InspectorOrganizationId = inspectorOrganizationId, Kind = kind, Date = date, InspectorName = name };
    }

    /// <summary>The finding for one person, once per inspection, while it is open; an unsatisfactory one says why.</summary>
    public StudyInspectionFinding AddFinding(int personId, bool satisfactory, string? text)
    {
        RefuseUnlessOpen();
        if (Findings.Exists(f => f.PersonId == personId))
        {
            throw new DomainRuleException("Study.AlreadyInspected", "personId");
        }

        var note = satisfactory
            ? TextInput.Optional(text, StudyInspectionFinding.MaxTextLength, "text", "Field.Study.Finding")
            : TextInput.Required(text, StudyInspectionFinding.MaxTextLength, "text", "Field.Study.Finding");
        var finding = new StudyInspectionFinding { InspectionId = Id, PersonId = personId, Satisfactory = satisfactory, Text = note };
        Findings.Add(finding);
        return finding;
    }

    /// <summary>Closes the inspection once it has at least one finding.</summary>
    public void Complete(DateTimeOffset now)
    {
        RefuseUnlessOpen();
        if (Findings.Count == 0)
        {
            throw new DomainRuleException("Study.NoFindings", "findings");
        }

        (Status, CompletedAt) = (StudyInspectionStatus.Completed, now);
    }

    private void RefuseUnlessOpen()
    {
        if (Status != StudyInspectionStatus.Open)
        {
            throw new DomainRuleException("Study.InspectionCompleted", "status");
        }
    }
}

/// <summary>Who has not been inspected: the list the superior organization works from (STU-4).</summary>
public static class StudyInspections
{
    /// <summary>The calendar quarter (notes) or month (reflections) that contains <paramref name="day"/>.</summary>
    public static StudyPeriod PeriodOf(StudyInspectionKind kind, DateOnly day)
    {
        var firstMonth = kind == StudyInspectionKind.Notes ? ((day.Month - 1) / 3 * 3) + 1 : day.Month;
        var start = new DateOnly(day.Year, firstMonth, 1);
        var months = kind == StudyInspectionKind.Notes ? 3 : 1;
        return new(start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>
    /// The people of <paramref name="people"/> (in the order given, each once) with no finding in an inspection of
    /// <paramref name="kind"/> held within the quarter or month of <paramref name="day"/>.
    /// </summary>
    public static IReadOnlyList<int> NotInspected(IEnumerable<int> people, IEnumerable<StudyInspection> inspections, StudyInspectionKind kind, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(inspections);
        var period = PeriodOf(kind, day);
        var inspected = inspections
            .Where(i => i.Kind == kind && i.Date >= period.Start && i.Date <= period.End)
            .SelectMany(i => i.Findings.Select(f => f.PersonId))
            .ToHashSet();
        return [.. people.Distinct().Where(p => !inspected.Contains(p))];
    }
}
