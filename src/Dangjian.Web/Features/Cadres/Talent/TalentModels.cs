using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Cadres.Talent;

/// <summary>Strings of the talent pool page and export (TalentText.resx, TalentText.en.resx).</summary>
public sealed class TalentText;

/// <summary>Takes a person of the organization's roster into its talent pool.</summary>
public sealed record EnterTalentRequest(
    int? OrganizationId, int? PersonId, TalentCategory? Category, IReadOnlyList<string?>? Skills, IReadOnlyList<string?>? PostsHeld, TalentAvailability? Availability,
    DateOnly? EnteredOn, string? Reason);

/// <summary>Rewrites an open entry's category, skills, posts and availability.</summary>
public sealed record UpdateTalentRequest(
    int Version, TalentCategory? Category, IReadOnlyList<string?>? Skills, IReadOnlyList<string?>? PostsHeld, TalentAvailability? Availability);

/// <summary>The list's filter: skills (every one, comma or 、 separated), category, availability, in or out on a day, a name.</summary>
public sealed record TalentFilter(
    int? OrganizationId, string? Skills = null, TalentCategory? Category = null, TalentAvailability? Availability = null, PoolStatusFilter? Status = null,
    DateOnly? AsOf = null, string? Search = null, int? Page = null, int? PageSize = null);

public sealed record TalentRow(
    int Id, int PersonId, string PersonName, string PersonOrganization, TalentCategory Category, IReadOnlyList<string> Skills, IReadOnlyList<string> PostsHeld,
    TalentAvailability Availability, DateOnly EnteredOn, DateOnly? LeftOn, string? LeaveReason, bool InPool, int Version);

public sealed record TalentListView(int OrganizationId, string OrganizationName, DateOnly AsOf, Paged<TalentRow> Entries, bool CanWrite);
