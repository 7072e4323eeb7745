namespace Dangjian.Domain.Study;

/// <summary>Where one requirement stands, as the compliance page counts it.</summary>
public enum StudyProgress
{
    /// <summary>The minimum is reached (nothing missing).</summary>
    Complete,

    /// <summary>Something is missing, but no less than the minimum's share of the period passed is done.</summary>
    OnPace,

    /// <summary>Behind pace (<see cref="StudyRequirementStatus.BehindPace"/>); at the period's end, anything missing.</summary>
    BehindPace,
}

/// <summary>How the compliance page reads the rule's figures (<see cref="StudyCompliance"/>, <see cref="StudyExams"/>).</summary>
public static class StudyStanding
{
    public static StudyProgress Progress(this StudyRequirementStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Missing == 0 ? StudyProgress.Complete : status.BehindPace ? StudyProgress.BehindPace : StudyProgress.OnPace;
    }

    /// <summary>
    /// A shortfall: a requirement behind pace, or an exam state other than ok (a make-up due, or 停职学习). Something
    /// missing while on pace is not one: early in a year everyone has hours to go.
    /// </summary>
    public static bool IsShortfall(IEnumerable<StudyRequirementStatus> requirements, ExamState exam)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        return exam != ExamState.Ok || requirements.Any(r => r.BehindPace);
    }
}
