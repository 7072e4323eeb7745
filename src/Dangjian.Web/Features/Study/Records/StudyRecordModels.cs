using Dangjian.Domain.Study;
using Dangjian.Web.Features.Common;

using Dangjian.Web.Features.Study.Compliance;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>Strings of the study-record pages and the "My study" section (StudyRecordText.resx, StudyRecordText.en.resx).</summary>
public sealed class StudyRecordText;

// ---- Requests

/// <summary>
/// A record the clerk enters for a person: a party-school stay has <c>from</c> and <c>to</c>; every other kind
/// <c>date</c> and <c>hours</c>, with a topic (central group, training, course, lecture) or notes (self-study); the
/// content (学习内容) when classified, which sets the credits' factor.
/// </summary>
public sealed record EnterStudyRecordRequest(
    int? PersonId, StudyKind? Kind, DateOnly? Date, decimal? Hours, DateOnly? From, DateOnly? To, string? Topic, string? Notes, StudyContent? Content = null)
{
    public StudyRecordInput ToInput() => new(Kind, Date, Hours, From, To, Topic, Notes, null, Content);
}

/// <summary>What the person enters on /me, for themself (the person is the account's own, never an id sent); a version when a returned record is entered again.</summary>
public sealed record StudyRecordInput(
    StudyKind? Kind, DateOnly? Date, decimal? Hours, DateOnly? From, DateOnly? To, string? Topic, string? Notes, int? Version, StudyContent? Content = null);

/// <summary>The clerk's approval of a waiting record.</summary>
public sealed record ApproveStudyRecordRequest(int? Version);

/// <summary>The clerk returns a waiting record to the person, saying why.</summary>
public sealed record ReturnStudyRecordRequest(string? Reason, int? Version);

/// <summary>The list's filters: the records of an organization and everything below it.</summary>
public sealed record StudyRecordFilter(int? OrganizationId, StudyRecordStatus? Status, StudyKind? Kind, int? Year, string? Name, int? Page, int? PageSize);

// ---- Views

/// <summary>
/// One record with what it is worth: <see cref="Credits"/> as the credit rule gives it for its hours (or a stay's days)
/// and its content, counted only once approved.
/// </summary>
public sealed record StudyRecordView(
    int Id, int PersonId, string PersonName, int OrganizationId, StudyKind Kind, DateOnly? Date, decimal? Hours, DateOnly? From, DateOnly? To, int Days,
    string? Topic, string? Notes, StudyContent? Content, decimal Credits, StudyRecordStatus Status, bool EnteredByClerk, string EnteredBy, string? DecidedBy, string? ReturnReason, int Version)
{
    /// <summary>Made by a menu course's attendance or a lecture given (<see cref="StudyRecord.IsLinked"/>): no hand edits or returns it.</summary>
    public bool Linked { get; init; }
}

/// <summary>An organization subtree's records, a page of them, with how many wait for approval and whether the caller may enter and approve.</summary>
public sealed record StudyRecordsView(int OrganizationId, string OrganizationName, Paged<StudyRecordView> Records, int Pending, bool MayWrite);

/// <summary>Approved hours (or a stay's days) of one kind in the year.</summary>
public sealed record StudyKindTotal(StudyKind Kind, decimal Quantity, decimal Credits);

/// <summary>
/// The signed-in person's study on /me: the year's approved totals by kind, credits (records and passed exams) against the
/// yearly minimum, the exam state, and their records (newest first); <see cref="Requirements"/>: each requirement of their
/// role today (done, missing, behind pace) as the compliance page measures it (STU-2). Null person: the account is linked to no one.
/// </summary>
public sealed record MyStudyView(
    int? PersonId, int Year, IReadOnlyList<StudyKindTotal> Totals, decimal Credits, decimal YearlyMinimum, bool MeetsMinimum,
    ExamState Exam, DateOnly? MakeUpDue, IReadOnlyList<StudyRecordView> Records)
{
    public IReadOnlyList<StudyRequirementView> Requirements { get; init; } = [];
}

/// <summary>A person the clerk may enter a record for.</summary>
public sealed record StudyPersonOption(int Id, string Name);

/// <summary>The answer to a clean import of records.</summary>
public sealed record StudyImportSummary(int Imported);
