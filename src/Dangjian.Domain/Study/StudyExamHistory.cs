using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

/// <summary>
/// The exam rule data: the pass mark, the highest score, and how many days after a failed exam its make-up is due. The
/// seed (000, 一, 三 成绩考核) sets no figures; 60 of 100 is the usual pass mark (and the contract's example), and 30 days
/// is the project's starting figure, changed by the organization.
/// </summary>
public sealed record StudyExamRules(decimal PassScore, decimal MaxScore, int MakeUpWithinDays)
{
    public static StudyExamRules Defaults { get; } = new(60, 100, 30);

    /// <summary>Rule data an organization sets: a pass mark from 0 to the highest score, and make-up days not negative.</summary>
    public void Demand()
    {
        if (MaxScore <= 0)
        {
            throw new DomainRuleException("Study.MaxScoreNotPositive", "maxScore");
        }

        if (PassScore < 0 || PassScore > MaxScore)
        {
            throw new DomainRuleException("Study.ScoreRange", "passScore", MaxScore);
        }

        if (MakeUpWithinDays < 0)
        {
            throw new DomainRuleException("Input.Invalid", "makeUpWithinDays", "Field.Study.MakeUpWithinDays");
        }
    }
}

/// <summary>One exam taken, as recorded: never changed or removed afterwards.</summary>
public sealed class StudyExamResult
{
    public int Id { get; set; }

    public int HistoryId { get; set; }

    public DateOnly Date { get; set; }

    public ExamKind Kind { get; set; }

    public decimal Score { get; set; }

    /// <summary>Judged by the pass mark in force when it was recorded.</summary>
    public bool Passed { get; set; }

    /// <summary>The person's exam state once this exam was recorded.</summary>
    public ExamState StateAfter { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A person's closed-book exams (STU-3), the whole history kept, moved through the state machine of
/// <see cref="StudyExams"/> (seed 000, 一, 三 成绩考核: 半年度理论考试闭卷制, 不合格的要补考, 补考仍不合格者停职参加学习, 直到合格为止).
/// A failed exam makes a make-up due by <see cref="MakeUpDue"/>; a failed make-up suspends the person for study
/// (<see cref="SuspendedSince"/>) until a pass is recorded. Exams are recorded in the order taken: never before the
/// latest one, and on the same day only a make-up after a regular exam (the order the state machine reads them in).
/// </summary>
public sealed class StudyExamHistory : IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The organization the history is kept in (the person's), for scope.</summary>
    public int OrganizationId { get; set; }

    public ExamState State { get; set; }

    /// <summary>The day the make-up is due by, while one is due.</summary>
    public DateOnly? MakeUpDue { get; set; }

    /// <summary>停职学习 since the failed make-up of this day, while suspended.</summary>
    public DateOnly? SuspendedSince { get; set; }

    public List<StudyExamResult> Exams { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The exams as the compliance rule reads them (<see cref="StudyExams.Replay"/>), in the order taken.</summary>
    public IReadOnlyList<StudyExam> Taken => [.. Exams.Select(e => new StudyExam(e.Date, e.Kind, e.Score))];

    /// <summary>A make-up is due and the day it was due by has passed (the due day itself is not overdue).</summary>
    public bool IsMakeUpOverdue(DateOnly today) => State == ExamState.MakeUpDue && MakeUpDue is { } due && today > due;

    /// <summary>
    /// Records an exam taken on <paramref name="date"/>: a sane day, not in the future, in order; a score from 0 to the
    /// highest; a make-up only when one is due or the person is suspended. Refused, nothing changes.
    /// </summary>
    public StudyExamResult Record(DateOnly date, ExamKind kind, decimal score, StudyExamRules rules, string by, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.Study.ExamKind");
        }

        StudyDays.Done(date, "date", "Field.Study.ExamDate", today);

        if (Exams.Count > 0 && Exams[^1] is var last && (date < last.Date || (date == last.Date && !(last.Kind == ExamKind.Regular && kind == ExamKind.MakeUp))))
        {
            throw new DomainRuleException("Study.ExamOutOfOrder", "date", DateText.Format(last.Date));
        }

        if (score < 0 || score > rules.MaxScore)
        {
            throw new DomainRuleException("Study.ScoreRange", "score", rules.MaxScore);
        }

        var passed = score >= rules.PassScore;
        var next = StudyExams.Next(State, kind, passed) ?? throw new DomainRuleException("Study.MakeUpNotDue", "kind");
        var name = TextInput.Required(by, MaxNameLength, "recordedBy", "Field.Study.RecordedBy");

        SuspendedSince = next == ExamState.Suspended ? SuspendedSince ?? date : null;
        MakeUpDue = next == ExamState.MakeUpDue ? SaneDates.AddDaysClamped(date, rules.MakeUpWithinDays) : null;
        State = next;
        var result = new StudyExamResult { HistoryId = Id, Date = date, Kind = kind, Score = score, Passed = passed, StateAfter = next, RecordedBy = name, RecordedAt = now };
        Exams.Add(result);
        return result;
    }

    /// <summary>The credits the exams passed inside <paramref name="period"/> earn (理论学习学分制: 考试成绩 counts).</summary>
    public decimal Credits(StudyCredits credits, StudyPeriod period)
    {
        ArgumentNullException.ThrowIfNull(credits);
        return Exams.Where(e => e.Date >= period.Start && e.Date <= period.End).Sum(e => credits.ForExam(e.Kind, e.Passed));
    }
}
