using Dangjian.Domain.Study;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Study.Exams;

/// <summary>Strings of the exam pages (StudyExamText.resx, StudyExamText.en.resx).</summary>
public sealed class StudyExamText;

/// <summary>An exam a person took: regular or make-up, the day, the score; <c>version</c> is the history's (absent for a person's first exam).</summary>
public sealed record RecordStudyExamRequest(int? PersonId, DateOnly? Date, ExamKind? Kind, decimal? Score, int? Version);

/// <summary>One exam as recorded, with the state it left the person in.</summary>
public sealed record StudyExamResultView(int Id, DateOnly Date, ExamKind Kind, decimal Score, bool Passed, ExamState StateAfter, string RecordedBy);

/// <summary>
/// A person's exams (STU-3): the state now, the make-up's due day (and whether it has passed) or the day 停职学习 began,
/// the whole history in the order taken, and the history's version (0 before the first exam).
/// </summary>
public sealed record StudyExamHistoryView(
    int PersonId, string Name, int OrganizationId, ExamState State, DateOnly? MakeUpDue, bool MakeUpOverdue, DateOnly? SuspendedSince,
    decimal PassScore, IReadOnlyList<StudyExamResultView> Exams, int Version, bool MayWrite);

/// <summary>A person of the exam list: the state and its day, the last exam.</summary>
public sealed record StudyExamRow(
    int PersonId, string Name, string OrganizationName, ExamState State, DateOnly? MakeUpDue, bool MakeUpOverdue, DateOnly? SuspendedSince,
    DateOnly? LastExam, decimal? LastScore, int Version);

/// <summary>The exam list of an organization subtree: counts by state, and a page of the people the state filter keeps.</summary>
public sealed record StudyExamListView(
    int OrganizationId, string OrganizationName, ExamState? State, int Ok, int MakeUpDue, int Suspended, Paged<StudyExamRow> Rows, bool MayWrite);
