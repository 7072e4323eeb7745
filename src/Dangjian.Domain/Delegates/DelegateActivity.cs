using Dangjian.Domain.Common;

namespace Dangjian.Domain.Delegates;

/// <summary>The regular duties of seed 001 (三要完善党代会常任制: 定期例会制、视察制、情况通报制).</summary>
public enum DelegateActivityKind
{
    /// <summary>例会.</summary>
    RegularMeeting,

    /// <summary>视察.</summary>
    InspectionTour,

    /// <summary>情况通报.</summary>
    Briefing,
}

/// <summary>
/// A regular duty of the delegates of a term (DEL-3): a regular meeting, an inspection tour or a briefing, held on a day at a
/// place on a subject, with its summary and each delegate's attendance (present, or absent with a reason). Published, it is
/// shown to the term's delegates on /me and on the activities page; a leader's 述职 may be given at one (<see cref="WorkReport"/>).
/// </summary>
public sealed class DelegateActivity : IVersioned
{
    public const int MaxPlaceLength = 200;
    public const int MaxSubjectLength = 200;
    public const int MaxSummaryLength = 8000;
    public const int MaxReasonLength = 200;

    public int Id { get; set; }

    public int TermId { get; set; }

    public int OrganizationId { get; set; }

    public DelegateActivityKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public string Place { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string? Summary { get; set; }

    public bool Published { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public int Version { get; set; }

    public List<ActivityAttendance> Attendance { get; set; } = [];

    /// <summary>Records an activity of the term held on <paramref name="heldOn"/>, within the term (a planned one may be recorded ahead).</summary>
    public static DelegateActivity Record(CongressTerm term, DelegateActivityKind kind, DateOnly heldOn, string place, string subject, string? summary)
    {
        ArgumentNullException.ThrowIfNull(term);
        var problems = new List<FieldProblem>();
        if (!Enum.IsDefined(kind))
        {
            problems.Add(new("kind", "Input.Invalid", ["Field.Activity.Kind"]));
        }

        if (!SaneDates.Contains(heldOn))
        {
            problems.Add(new("heldOn", SaneDates.OutOfRange, ["Field.Activity.HeldOn", SaneDates.MinText, SaneDates.MaxText]));
        }
        else if (!term.RunsOn(heldOn))
        {
            problems.Add(new("heldOn", "Activity.OutsideTerm", [term.Number]));
        }

        var activity = new DelegateActivity { TermId = term.Id, OrganizationId = term.OrganizationId, Kind = kind, HeldOn = heldOn };
        Collect(problems, () => activity.Place = TextInput.Required(place, MaxPlaceLength, "place", "Field.Activity.Place"));
        Collect(problems, () => activity.Subject = TextInput.Required(subject, MaxSubjectLength, "subject", "Field.Activity.Subject"));
        Collect(problems, () => activity.Summary = TextInput.Optional(summary, MaxSummaryLength, "summary", "Field.Activity.Summary"));
        DomainRuleException.ThrowIfAny(problems);
        return activity;
    }

    /// <summary>
    /// Sets a delegate's attendance (replacing an earlier entry): a seat of this term serving on the day held; absent needs a
    /// reason; none before the activity is held (<paramref name="today"/>).
    /// </summary>
    public void MarkAttendance(DelegateSeat seat, bool present, string? absenceReason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (HeldOn > today)
        {
            throw new DomainRuleException("Activity.NotHeldYet", "heldOn", DateText.Format(HeldOn));
        }

        if (seat.TermId != TermId || (seat.EndedOn is { } ended && ended < HeldOn))
        {
            throw new DomainRuleException("Activity.NotADelegate", "delegateId");
        }

        var reason = present ? null : TextInput.Required(absenceReason, MaxReasonLength, "absenceReason", "Field.Activity.AbsenceReason");
        var entry = Attendance.FirstOrDefault(a => a.DelegateId == seat.Id);
        if (entry is null)
        {
            Attendance.Add(new ActivityAttendance { DelegateId = seat.Id, PersonId = seat.PersonId, Present = present, AbsenceReason = reason });
        }
        else
        {
            (entry.Present, entry.AbsenceReason) = (present, reason);
        }
    }

    /// <summary>Publishes it to the term's delegates (once).</summary>
    public void Publish(DateOnly today)
    {
        if (Published)
        {
            throw new DomainRuleException("Activity.AlreadyPublished", "published");
        }

        (Published, PublishedOn) = (true, today);
    }

    private static void Collect(List<FieldProblem> problems, Action check)
    {
        try
        {
            check();
        }
        catch (DomainRuleException e)
        {
            problems.AddRange(e.Problems);
        }
    }
}

/// <summary>One delegate's attendance of an activity.</summary>
public sealed class ActivityAttendance
{
    public int Id { get; set; }

    public int ActivityId { get; set; }

    public int DelegateId { get; set; }

    public int PersonId { get; set; }

    public bool Present { get; set; }

    public string? AbsenceReason { get; set; }
}

/// <summary>A delegate's attendance over the term: the activities held while their seat served that recorded them, and those attended.</summary>
public sealed record AttendanceRate(int DelegateId, int PersonId, int Recorded, int Present)
{
    /// <summary>Present of recorded, 0–1; none when nothing was recorded for the delegate.</summary>
    public decimal? Rate => Recorded == 0 ? null : Math.Round((decimal)Present / Recorded, 4);

    /// <summary>The rate of each seat of the term over the activities' attendance entries (a seat without any is listed with none).</summary>
    public static IReadOnlyList<AttendanceRate> Of(IEnumerable<DelegateSeat> seats, IEnumerable<ActivityAttendance> entries)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(entries);
        var byDelegate = entries.GroupBy(e => e.DelegateId).ToDictionary(g => g.Key, g => (Recorded: g.Count(), Present: g.Count(e => e.Present)));
        return [.. seats.Select(s => byDelegate.TryGetValue(s.Id, out var c) ? new AttendanceRate(s.Id, s.PersonId, c.Recorded, c.Present) : new AttendanceRate(s.Id, s.PersonId, 0, 0))];
    }
}

/// <summary>
/// 述职 (DEL-4): a leader of the term's organization reported on their work to the delegates, at an activity of the term
/// (usually a regular meeting), and the evaluation campaign (evaluations module) through which the delegates evaluated it,
/// when there was one.
/// </summary>
public sealed class WorkReport : IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxPostLength = 100;
    public const int MaxSubjectLength = 200;

    public int Id { get; set; }

    public int TermId { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The person who reported, when on the roll.</summary>
    public int? PersonId { get; set; }

    public string ReporterName { get; set; } = string.Empty;

    public string Post { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public DateOnly ReportedOn { get; set; }

    /// <summary>The activity at which it was given.</summary>
    public int? ActivityId { get; set; }

    /// <summary>The evaluations module's campaign that evaluated it.</summary>
    public int? EvaluationCampaignId { get; set; }

    public int Version { get; set; }

    /// <summary>Records a 述职 of the term; at an activity of the same term when one is given, on its day.</summary>
    public static WorkReport Record(CongressTerm term, DelegateActivity? activity, int? personId, string reporterName, string post, string subject, DateOnly reportedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(term);
        var problems = new List<FieldProblem>();
        if (activity is not null && activity.TermId != term.Id)
        {
            problems.Add(new("activityId", "WorkReport.ActivityOfAnotherTerm", []));
        }

        var report = new WorkReport { TermId = term.Id, OrganizationId = term.OrganizationId, PersonId = personId is > 0 ? personId : null, ActivityId = activity?.Id };
        Collect(problems, () => report.ReporterName = TextInput.Required(reporterName, MaxNameLength, "reporterName", "Field.WorkReport.ReporterName"));
        Collect(problems, () => report.Post = TextInput.Required(post, MaxPostLength, "post", "Field.WorkReport.Post"));
        Collect(problems, () => report.Subject = TextInput.Required(subject, MaxSubjectLength, "subject", "Field.WorkReport.Subject"));
        Collect(problems, () => report.ReportedOn = SaneDates.Done(reportedOn, "reportedOn", "Field.WorkReport.ReportedOn", today, "WorkReport.InFuture"));
        DomainRuleException.ThrowIfAny(problems);
        if (!term.RunsOn(report.ReportedOn))
        {
            throw new DomainRuleException("WorkReport.OutsideTerm", "reportedOn", term.Number);
        }

        return report;
    }

    /// <summary>Links (or unlinks, with none) the evaluation campaign that evaluated the report.</summary>
    public void LinkEvaluation(int? campaignId) => EvaluationCampaignId = campaignId is > 0 ? campaignId : null;

    private static void Collect(List<FieldProblem> problems, Action check)
    {
        try
        {
            check();
        }
        catch (DomainRuleException e)
        {
            problems.AddRange(e.Problems);
        }
    }
}
