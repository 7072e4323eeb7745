namespace Dangjian.Domain.Study;

/// <summary>The period a study requirement is measured over: the calendar year, or the person's term of office (任期).</summary>
public enum StudyPer
{
    Year,
    Term,
}

/// <summary>What a study requirement counts: hours (学时) of dated sessions, or distinct days covered by spans (党校 from–to).</summary>
public enum StudyUnit
{
    Hours,
    Days,
}

/// <summary>
/// One study requirement (STU-2), rule data: people whose role is <see cref="Role"/> must reach <see cref="Min"/>
/// <see cref="Unit"/> of records of <see cref="Kind"/> (partySchool, centralGroup, selfStudy, concentrated, …) per
/// <see cref="Per"/>. Roles and kinds are plain names matched exactly, so an organization can add its own.
/// </summary>
public sealed record StudyRequirement(string Role, string Kind, StudyPer Per, StudyUnit Unit, decimal Min);

/// <summary>
/// The time of one study record (STU-1) as the compliance rule counts it (the stored record is <see cref="StudyRecord"/>).
/// A session (central group, self-study, a course) has <see cref="Date"/> and <see cref="Hours"/>; a span (党校) has
/// <see cref="From"/> and <see cref="To"/>, both inclusive. Which shape a record needs depends on the unit of the
/// requirement that counts its kind.
/// </summary>
public sealed record StudyTime(string Kind, DateOnly? Date = null, decimal? Hours = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>A dated session of some hours.</summary>
    public static StudyTime Session(string kind, DateOnly date, decimal hours) => new(kind, Date: date, Hours: hours);

    /// <summary>A span of days, both ends inclusive.</summary>
    public static StudyTime Span(string kind, DateOnly from, DateOnly to) => new(kind, From: from, To: to);

    /// <summary>Whether the record has what a requirement of <paramref name="unit"/> counts.</summary>
    public bool Fits(StudyUnit unit) => unit == StudyUnit.Hours
        ? Date is not null && Hours is >= 0
        : From is { } f && To is { } t && f <= t;
}

/// <summary>A term of office (任期), both ends inclusive.</summary>
public sealed record StudyTerm(DateOnly Start, DateOnly End);

/// <summary>
/// The defaults an organization starts from (rule data; an organization may change them).
/// Team members (班子成员): seed 000, 一 "人员、学时、成绩三考核", 二 学时考核: in a term at least 3 months at the party
/// school (counted as 90 days), at least 40 hours of central group study a year, at least 300 hours of self-study a year.
/// Concentrated study (集中学习培训): every member at least 32 hours a year, branch secretaries and team members at least
/// 56 — the national party-member education and training plan (《2019—2023年全国党员教育培训工作规划》); the project's
/// requirements (STU-2) name it only as "the regulations".
/// </summary>
public static class StudyDefaults
{
    public const string Team = "team";
    public const string Secretary = "secretary";
    public const string Member = "member";

    public const string PartySchool = "partySchool";
    public const string CentralGroup = "centralGroup";
    public const string SelfStudy = "selfStudy";
    public const string Concentrated = "concentrated";
    public const string Course = "course";
    public const string Lecture = "lecture";

    public static IReadOnlyList<StudyRequirement> Requirements { get; } =
    [
        new(Team, PartySchool, StudyPer.Term, StudyUnit.Days, 90),
        new(Team, CentralGroup, StudyPer.Year, StudyUnit.Hours, 40),
        new(Team, SelfStudy, StudyPer.Year, StudyUnit.Hours, 300),
        new(Team, Concentrated, StudyPer.Year, StudyUnit.Hours, 56),
        new(Secretary, Concentrated, StudyPer.Year, StudyUnit.Hours, 56),
        new(Member, Concentrated, StudyPer.Year, StudyUnit.Hours, 32),
    ];
}
