using Dangjian.Domain.People;
using Dangjian.Domain.Teams;

namespace Dangjian.Web.Features.People;

/// <summary>A roster row. The ID number is masked unless the caller is a district admin (ORG-3).</summary>
public sealed record PersonRow(
    int Id,
    string Name,
    Gender Gender,
    string IdNumber,
    DateOnly? BirthDate,
    MemberStatus Status,
    DateOnly? JoinedPartyOn,
    int OrganizationId,
    string OrganizationName,
    string OrganizationCode,
    string? Phone,
    string? Workplace,
    DateOnly? FullMemberOn = null,
    bool IsCadre = false);

public sealed record PersonDetail(
    int Id,
    string Name,
    Gender Gender,
    string IdNumber,
    bool IdNumberMasked,
    DateOnly? BirthDate,
    string? Ethnicity,
    string? Education,
    string? Phone,
    MemberStatus Status,
    DateOnly? JoinedPartyOn,
    int OrganizationId,
    string OrganizationName,
    string? Workplace,
    int Version,
    IReadOnlyList<PositionHeld> Positions,
    bool CanWrite,
    DateOnly? FullMemberOn = null,
    bool IsCadre = false);

/// <summary>A seat the person holds or held in a leadership team.</summary>
public sealed record PositionHeld(int TeamId, int OrganizationId, string OrganizationName, int TermNumber, DateOnly StartsOn, DateOnly EndsOn, TeamRole Role, string? Portfolio, bool Current);

/// <summary>An organization to filter the roster by.</summary>
public sealed record OrganizationChoice(int Id, string Code, string Name);

/// <summary>The roster's filters (ORG-3): organization subtree, status, team role, name, cadres (干部) only.</summary>
public sealed record RosterFilter(int? OrganizationId = null, bool Subtree = true, MemberStatus? Status = null, TeamRole? Role = null, string? Name = null, bool? Cadre = null);

/// <summary>
/// Create or edit a person. On edit, <see cref="Version"/> is the version the editor started from, and an
/// <see cref="IdNumber"/> equal to the masked form of the stored one keeps the stored one (editors who are not
/// district admins never see the full number). <see cref="FullMemberOn"/> (转正日期) is required of a full member and refused
/// otherwise (<see cref="PersonRules"/>, 党章 第七条); <see cref="IsCadre"/> marks a cadre (干部).
/// </summary>
public sealed record PersonRequest(
    string? Name,
    string? IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    MemberStatus? Status,
    DateOnly? JoinedPartyOn,
    int? OrganizationId,
    string? Phone,
    string? Ethnicity,
    string? Education,
    string? Workplace,
    int Version = 0,
    DateOnly? FullMemberOn = null,
    bool IsCadre = false);

/// <summary>Strings of the people pages (PeopleText.resx, PeopleText.en.resx).</summary>
public sealed class PeopleText;
