using Dangjian.Domain.Study;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Study.Compliance;

/// <summary>Strings of the study compliance pages (StudyComplianceText.resx, StudyComplianceText.en.resx).</summary>
public sealed class StudyComplianceText;

/// <summary>
/// The study rule data in force: the requirements per role (<see cref="StudyDefaults"/>), the credits
/// (<see cref="StudyCredits"/>) and the exam rules (<see cref="StudyExamRules"/>), the national and seed defaults.
/// </summary>
public sealed record StudyRules(IReadOnlyList<StudyRequirement> Requirements, StudyCredits Credits, StudyExamRules Exams)
{
    public static StudyRules Defaults { get; } = new(StudyDefaults.Requirements, StudyCredits.Defaults, StudyExamRules.Defaults);
}

/// <summary>One requirement of a person as the rule (<see cref="StudyCompliance"/>) measures it on the day.</summary>
public sealed record StudyRequirementView(string Kind, StudyPer Per, StudyUnit Unit, decimal Min, decimal Done, decimal Missing, bool BehindPace, StudyProgress Progress);

/// <summary>
/// A person's compliance on the day: their role (<see cref="StudyRoles"/>) and term, each requirement, the exam state
/// (with the make-up's due day or the day 停职学习 began, as stored), the year's credits so far against the yearly
/// minimum, and whether anything falls short (<see cref="StudyStanding.IsShortfall"/>).
/// </summary>
public sealed record StudyComplianceRow(
    int PersonId, string Name, int OrganizationId, string OrganizationName, string Role, DateOnly? TermStart, DateOnly? TermEnd,
    ExamState Exam, DateOnly? MakeUpDue, DateOnly? SuspendedSince, decimal Credits, decimal CreditMinimum, bool CreditsMet,
    IReadOnlyList<StudyRequirementView> Requirements, bool Shortfall);

/// <summary>How many of the people a requirement applies to have completed it, are on pace, or are behind pace.</summary>
public sealed record StudyRequirementShare(string Role, string Kind, StudyPer Per, int People, int Complete, int OnPace, int BehindPace);

/// <summary>An organization subtree's compliance on a day: the shares per requirement (of everyone), and a page of the people the filter keeps.</summary>
public sealed record StudyComplianceView(
    int OrganizationId, string OrganizationName, DateOnly AsOf, bool ShortfallsOnly, int People, int Shortfalls,
    IReadOnlyList<StudyRequirementShare> Shares, Paged<StudyComplianceRow> Rows);
