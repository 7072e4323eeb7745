using Dangjian.Domain.Study;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>Strings of the inspection page (StudyInspectionText.resx, StudyInspectionText.en.resx).</summary>
public sealed class StudyInspectionText;

/// <summary>One person's finding as entered: satisfactory or not, and what was noted (required when not).</summary>
public sealed record StudyFindingRow(int? PersonId, bool Satisfactory, string? Text);

/// <summary>
/// An inspection by the superior organization of <see cref="OrganizationId"/>'s leaders, held on <see cref="Date"/>, with
/// one finding per person inspected: recorded whole, in one save.
/// </summary>
public sealed record RecordStudyInspectionRequest(
    int? OrganizationId, StudyInspectionKind? Kind, DateOnly? Date, string? InspectorName, IReadOnlyList<StudyFindingRow>? Findings);

public sealed record StudyFindingView(int PersonId, string Name, bool Satisfactory, string? Text);

public sealed record StudyInspectionView(
    int Id, int OrganizationId, string OrganizationName, int InspectorOrganizationId, StudyInspectionKind Kind, DateOnly Date,
    DateOnly PeriodStart, DateOnly PeriodEnd, string InspectorName, IReadOnlyList<StudyFindingView> Findings);

/// <summary>A leader not inspected in the period.</summary>
public sealed record NotInspectedView(int PersonId, string Name, int OrganizationId, string OrganizationName);

/// <summary>
/// The inspections of one kind held in the quarter (notes) or month (reflections) of a day over an organization's
/// subtree, and the leaders of the organizations below it that none of them inspected.
/// </summary>
public sealed record StudyInspectionsView(
    int OrganizationId, string OrganizationName, StudyInspectionKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd,
    IReadOnlyList<NotInspectedView> NotInspected, IReadOnlyList<StudyInspectionView> Inspections,
    IReadOnlyList<Common.OrganizationOption> Inspectable, bool MayWrite);

/// <summary>The leaders of an organization, whom an inspection of it finds on.</summary>
public sealed record InspectablePeopleView(int OrganizationId, string OrganizationName, int? InspectorOrganizationId, IReadOnlyList<StudyLeader> People);
