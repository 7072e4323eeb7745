using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Cadres.Accountability;

/// <summary>Strings of the accountability pages and export (AccountabilityText.resx, AccountabilityText.en.resx).</summary>
public sealed class AccountabilityText;

/// <summary>
/// Opens a case on a mistaken appointment: the selection case it names (none when that selection was not recorded
/// here), the ground, what went wrong, the day (today when not given).
/// </summary>
public sealed record OpenAccountabilityRequest(int? OrganizationId, int? SelectionCaseId, AccountabilityGround? Ground, string? Description, DateOnly? OpenedOn);

/// <summary>The conclusion: the finding, the people held responsible (none when nobody is) and the measure taken.</summary>
public sealed record ConcludeAccountabilityRequest(string? Finding, IReadOnlyList<int>? ResponsiblePersonIds, string? Measure, DateOnly? On, int Version);

public sealed record ResponsiblePersonView(int PersonId, string Name);

public sealed record AccountabilityView(
    int Id, int OrganizationId, string OrganizationName, int? SelectionCaseId, AccountabilityGround Ground, string Description, DateOnly OpenedOn,
    AccountabilityStatus Status, string? Finding, string? Measure, IReadOnlyList<ResponsiblePersonView> Responsible, DateOnly? DecidedOn, int Version);

public sealed record AccountabilityListView(int OrganizationId, string OrganizationName, Paged<AccountabilityView> Items, bool CanWrite);

public sealed record AccountabilityDetail(AccountabilityView Case, bool CanWrite);
