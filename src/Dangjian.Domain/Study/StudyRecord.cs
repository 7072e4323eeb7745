using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

/// <summary>Where a study record stands: entered and waiting for the clerk, counted, or sent back with a reason.</summary>
public enum StudyRecordStatus
{
    Pending,
    Approved,
    Returned,
}

/// <summary>
/// What a study record says. A party-school stay has <see cref="From"/> and <see cref="To"/>; every other kind a
/// <see cref="Date"/> and <see cref="Hours"/>. Central group sessions, training, courses and lectures name their
/// <see cref="Topic"/>; self-study says what was studied in <see cref="Notes"/> (what the superior's inspection reads).
/// </summary>
public sealed record StudyRecordContent(
    StudyKind Kind, DateOnly? Date = null, decimal? Hours = null, DateOnly? From = null, DateOnly? To = null, string? Topic = null, string? Notes = null,
    StudyContent? Content = null);

/// <summary>
/// One study record of a person (学习记录, STU-1), entered by the person or by the clerk. A record of a kind the rule data
/// marks as needing approval (<see cref="StudyCreditRule.NeedsApproval"/>) and entered by the person waits for the clerk,
/// who approves it or returns it with a reason; the person edits a returned record and it waits again. A record the
/// clerk enters is approved by that entry. Only approved records count: for credits (<see cref="Credits"/>) and for
/// the requirements (<see cref="Time"/>).
/// </summary>
public sealed class StudyRecord : IVersioned
{
    public const int MaxTopicLength = 200;
    public const int MaxNotesLength = 2000;
    public const int MaxReasonLength = 500;
    public const int MaxNameLength = 50;

    /// <summary>A session is at most one day's hours.</summary>
    public const int MaxHours = 24;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The organization the record is kept in (the person's), for scope.</summary>
    public int OrganizationId { get; set; }

    public StudyKind Kind { get; set; }

    public DateOnly? Date { get; set; }

    public decimal? Hours { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Topic { get; set; }

    public string? Notes { get; set; }

    /// <summary>What the record is about (学习内容), when classified: its credits follow it (<see cref="StudyCredits.Factor"/>).</summary>
    public StudyContent? Content { get; set; }

    /// <summary>Entered by the clerk (or imported by them) rather than by the person.</summary>
    public bool EnteredByClerk { get; set; }

    public string EnteredBy { get; set; } = string.Empty;

    public DateTimeOffset EnteredAt { get; set; }

    public StudyRecordStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why the clerk returned it; cleared when it is entered again.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The menu course whose attendance earned the record (菜单式培训): kept by the menu, never edited by hand.</summary>
    public Guid? MenuCourseId { get; set; }

    /// <summary>The theory lecture whose giving earned the record (理论课): kept by the lecture, never edited by hand.</summary>
    public int? TheoryLectureId { get; set; }

    /// <summary>The lecture of <see cref="TheoryLectureId"/>, set when the record is made so both are saved together.</summary>
    public TheoryLecture? Lecture { get; set; }

    public int Version { get; set; }

    /// <summary>Made by a menu course's attendance or a lecture given: the menu or the lecture keeps it, never a hand.</summary>
    public bool IsLinked => MenuCourseId is not null || TheoryLectureId is not null || Lecture is not null;

    /// <summary>Waiting or returned: the content may still change. An approved record is fixed.</summary>
    public bool IsEditable => Status is StudyRecordStatus.Pending or StudyRecordStatus.Returned;

    /// <summary>The days a stay covers, both ends included; 0 for a session.</summary>
    public int Days => From is { } f && To is { } t ? t.DayNumber - f.DayNumber + 1 : 0;

    /// <summary>The record as the compliance rule counts it.</summary>
    public StudyTime Time => Kind == StudyKind.PartySchool
        ? StudyTime.Span(StudyCredits.KindName(Kind), From!.Value, To!.Value)
        : StudyTime.Session(StudyCredits.KindName(Kind), Date!.Value, Hours!.Value);

    /// <summary>What the compliance rule counts of <paramref name="records"/>: the approved ones' time, in the order given.</summary>
    public static IReadOnlyList<StudyTime> Counted(IEnumerable<StudyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.Where(r => r.Status == StudyRecordStatus.Approved).Select(r => r.Time)];
    }

    /// <summary>Entered by the person (<paramref name="byClerk"/> false) or the clerk; checked as <see cref="Edit"/> checks.</summary>
    public static StudyRecord Enter(int personId, int organizationId, StudyRecordContent content, bool byClerk, StudyCredits credits, string by, DateTimeOffset now, DateOnly today)
    {
        var record = new StudyRecord { PersonId = personId, OrganizationId = organizationId };
        record.Edit(content, byClerk, credits, by, now, today);
        return record;
    }

    /// <summary>
    /// The record a leader earns by attending a menu course they picked (菜单式培训, STU-6; seed 004: 菜单式培训 counts as
    /// study): a course of the course's day, hours and title, entered by the clerk who records the attendance and so
    /// approved by that entry. Kept by the menu (<see cref="MenuCourseId"/>).
    /// </summary>
    public static StudyRecord OfCourse(MenuCourse course, int personId, int organizationId, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        var day = course.Date ?? throw new DomainRuleException("Study.CourseUndated", "courseId");
        var record = Linked(personId, organizationId, StudyKind.Course, day, course.Hours, course.Title, by, now);
        record.MenuCourseId = course.Id;
        return record;
    }

    /// <summary>
    /// The record a cadre earns by giving a theory lecture (讲理论课, STU-7; seed 004: 每年在单位内部上一堂以上理论课): a lecture of
    /// the day it was given, its hours and topic, approved by the clerk who marks it given. Kept by the lecture, which
    /// <see cref="Lecture"/> names so a new lecture and its record are saved together.
    /// </summary>
    public static StudyRecord OfLecture(TheoryLecture lecture, int organizationId, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lecture);
        if (lecture is not { Status: TheoryLectureStatus.Given, GivenOn: { } day, Hours: { } hours })
        {
            throw new DomainRuleException("Study.LectureNotGiven", "status");
        }

        var record = Linked(lecture.PersonId, organizationId, StudyKind.Lecture, day, hours, lecture.Topic, by, now);
        (record.Lecture, record.TheoryLectureId) = (lecture, lecture.Id == 0 ? null : lecture.Id);
        return record;
    }

    /// <summary>
    /// Writes the content and enters the record again: only while waiting or returned. Days are sane and not in the
    /// future (a record is of study done); a stay ends on or after its first day; hours are more than 0 and at most
    /// <see cref="MaxHours"/>, to the hundredth; the topic or the notes its kind needs are given. Refused, nothing changes.
    /// </summary>
    public void Edit(StudyRecordContent content, bool byClerk, StudyCredits credits, string by, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(credits);
        RefuseIfLinked();
        if (!IsEditable)
        {
            throw new DomainRuleException("Study.RecordNotEditable", "status");
        }

        if (!Enum.IsDefined(content.Kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.Study.Kind");
        }

        DateOnly? date = null, from = null, to = null;
        decimal? hours = null;
        if (content.Content is { } about && !Enum.IsDefined(about))
        {
            throw new DomainRuleException("Input.Invalid", "content", "Field.Study.Content");
        }

        if (content.Kind == StudyKind.PartySchool)
        {
            from = Day(content.From, "from", "Field.Study.From", today);
            to = Day(content.To, "to", "Field.Study.To", today);
            if (to < from)
            {
                throw new DomainRuleException("Study.ToBeforeFrom", "to");
            }
        }
        else
        {
            date = Day(content.Date, "date", "Field.Study.Date", today);
            hours = SessionHours(content.Hours, "hours");
        }

        var topic = content.Kind is StudyKind.PartySchool or StudyKind.SelfStudy
            ? TextInput.Optional(content.Topic, MaxTopicLength, "topic", "Field.Study.Topic")
            : TextInput.Required(content.Topic, MaxTopicLength, "topic", "Field.Study.Topic");
        var notes = content.Kind == StudyKind.SelfStudy
            ? TextInput.Required(content.Notes, MaxNotesLength, "notes", "Field.Study.Notes")
            : TextInput.Optional(content.Notes, MaxNotesLength, "notes", "Field.Study.Notes");
        var name = TextInput.Required(by, MaxNameLength, "enteredBy", "Field.Study.EnteredBy");

        (Kind, Date, Hours, From, To, Topic, Notes, Content) = (content.Kind, date, hours, from, to, topic, notes, content.Content);
        (EnteredByClerk, EnteredBy, EnteredAt, ReturnReason) = (byClerk, name, now, null);
        if (byClerk || !credits.For(content.Kind).NeedsApproval)
        {
            // The clerk is the one who approves, so their entry needs no second look; nor does a kind the data trusts.
            (Status, DecidedBy, DecidedAt) = (StudyRecordStatus.Approved, name, now);
        }
        else
        {
            (Status, DecidedBy, DecidedAt) = (StudyRecordStatus.Pending, null, null);
        }
    }

    /// <summary>The clerk approves a waiting record: it counts from now on.</summary>
    public void Approve(string by, DateTimeOffset now)
    {
        RefuseUnlessPending();
        (Status, DecidedBy, DecidedAt) = (StudyRecordStatus.Approved, TextInput.Required(by, MaxNameLength, "decidedBy", "Field.Study.DecidedBy"), now);
    }

    /// <summary>The clerk returns a waiting record to the person, saying why.</summary>
    public void Return(string reason, string by, DateTimeOffset now)
    {
        RefuseIfLinked();
        RefuseUnlessPending();
        var why = TextInput.Required(reason, MaxReasonLength, "reason", "Field.Study.ReturnReason");
        var name = TextInput.Required(by, MaxNameLength, "decidedBy", "Field.Study.DecidedBy");
        (Status, ReturnReason, DecidedBy, DecidedAt) = (StudyRecordStatus.Returned, why, name, now);
    }

    /// <summary>The credits the record earns inside <paramref name="period"/> (a stay only for its days inside it); none unless approved.</summary>
    public decimal Credits(StudyCredits credits, StudyPeriod period)
    {
        ArgumentNullException.ThrowIfNull(credits);
        if (Status != StudyRecordStatus.Approved)
        {
            return 0;
        }

        if (Kind == StudyKind.PartySchool)
        {
            var first = Math.Max(From!.Value.DayNumber, period.Start.DayNumber);
            var last = Math.Min(To!.Value.DayNumber, period.End.DayNumber);
            return last < first ? 0 : credits.Earned(Kind, last - first + 1, Content);
        }

        return Date >= period.Start && Date <= period.End ? credits.Earned(Kind, Hours!.Value, Content) : 0;
    }

    /// <summary>A session's hours (a record's, a menu course's, a lecture's): more than 0, at most <see cref="MaxHours"/>, to the hundredth.</summary>
    public static decimal SessionHours(decimal? hours, string field)
    {
        if (hours is not { } h || h <= 0 || h > MaxHours)
        {
            throw new DomainRuleException("Study.HoursRange", field, MaxHours);
        }

        // Kept to the hundredth on both providers: a finer figure would be rounded by one database and kept by the other.
        return decimal.Round(h, 2) == h ? h : throw new DomainRuleException("Study.HoursPrecision", field);
    }

    private static DateOnly Day(DateOnly? day, string field, string label, DateOnly today)
    {
        if (day is not { } d)
        {
            throw new DomainRuleException("Input.Required", field, label);
        }

        return StudyDays.Done(d, field, label, today);
    }

    private static StudyRecord Linked(int personId, int organizationId, StudyKind kind, DateOnly day, decimal hours, string topic, string by, DateTimeOffset now)
    {
        var name = TextInput.Required(by, MaxNameLength, "enteredBy", "Field.Study.EnteredBy");
        return new()
        {
            PersonId = personId, OrganizationId = organizationId, Kind = kind, Date = day, Hours = hours, Topic = topic,
            EnteredByClerk = true, EnteredBy = name, EnteredAt = now, Status = StudyRecordStatus.Approved, DecidedBy = name, DecidedAt = now,
        };
    }

    private void RefuseIfLinked()
    {
        if (IsLinked)
        {
            throw new DomainRuleException("Study.RecordLinked", "status");
        }
    }

    private void RefuseUnlessPending()
    {
        if (Status != StudyRecordStatus.Pending)
        {
            throw new DomainRuleException("Study.RecordNotPending", "status");
        }
    }
}
