using Dangjian.Domain.Study;

namespace Dangjian.Web.Features.Study.Lectures;

/// <summary>Strings of the theory lecture page (TheoryLectureText.resx, TheoryLectureText.en.resx).</summary>
public sealed class TheoryLectureText;

/// <summary>A cadre's lecture to the staff of <see cref="OrganizationId"/>, whose team the cadre sits in.</summary>
public sealed record PlanTheoryLectureRequest(int? OrganizationId, int? PersonId, string? Topic, DateOnly? PlannedOn);

/// <summary>The lecture was given on <see cref="GivenOn"/> and lasted <see cref="Hours"/> (required: its lecture record counts them).</summary>
public sealed record MarkLectureGivenRequest(DateOnly? GivenOn, int? Version, decimal? Hours);

public sealed record TheoryLectureView(
    int Id, int PersonId, string Name, int OrganizationId, string OrganizationName, string Topic, DateOnly PlannedOn, DateOnly? GivenOn,
    TheoryLectureStatus Status, int Version, decimal? Hours);

/// <summary>A cadre with no lecture given in the year.</summary>
public sealed record CadreWithoutLectureView(int PersonId, string Name, int OrganizationId, string OrganizationName);

/// <summary>
/// The lectures of a year over an organization's subtree (planned in or given in it) and the cadres who have not yet
/// given theirs (<see cref="TheoryLectures.CadresWithout"/>).
/// </summary>
public sealed record TheoryLecturesView(
    int OrganizationId, string OrganizationName, int Year, IReadOnlyList<TheoryLectureView> Lectures, IReadOnlyList<CadreWithoutLectureView> Without, bool MayWrite);
