namespace Dangjian.Web.Features.Cadres.Grassroots;

/// <summary>Strings of the grassroots and rota pages and export (GrassrootsText.resx, GrassrootsText.en.resx).</summary>
public sealed class GrassrootsText;

// ---- Requests. OrganizationId is the leader's organization (a township committee, the district committee), for scope.

/// <summary>A stay at the grassroots (下村蹲点) done, from a day to a day.</summary>
public sealed record RecordStayRequest(int? OrganizationId, int? PersonId, string? Place, DateOnly? From, DateOnly? To);

/// <summary>A night a township leader stayed in the township (住夜).</summary>
public sealed record RecordNightRequest(int? OrganizationId, int? PersonId, DateOnly? Night);

/// <summary>The department's spot check of a night.</summary>
public sealed record RecordSpotCheckRequest(int? OrganizationId, int? PersonId, DateOnly? Night, bool? Present, string? CheckedBy, string? Note);

/// <summary>A contact point (联系点): an enterprise or a village of the unit register.</summary>
public sealed record AssignContactRequest(int? OrganizationId, int? PersonId, int? UnitId, DateOnly? From);

public sealed record EndContactRequest(int Version, DateOnly? To);

/// <summary>A leader on duty at the petition office (定点接访) on a day.</summary>
public sealed record ScheduleRotaRequest(int? OrganizationId, DateOnly? Day, int? PersonId);

public sealed record ReassignRotaRequest(int Version, int? PersonId);

/// <summary>A case received on a rota day.</summary>
public sealed record AddCaseRequest(int Version, string? Summary, int? Petitioners, string? Handling, bool Resolved);

// ---- Views

/// <summary>A leader the grassroots rules apply to: a township leader (stays, nights) or a district leader (contact points).</summary>
public sealed record GrassrootsLeader(int PersonId, string Name, int OrganizationId, string OrganizationName, bool Township, bool District);

/// <summary>A leader's year: days at the grassroots, nights reported, nights found absent, contact points running at the year's end (or today).</summary>
public sealed record LeaderYearRow(GrassrootsLeader Leader, int StayDays, int Nights, int FoundAbsent, int Contacts);

public sealed record StayView(int Id, int PersonId, string Name, string Place, DateOnly From, DateOnly To);

public sealed record SpotCheckView(int Id, int PersonId, string Name, DateOnly Night, bool Present, string CheckedBy, string? Note);

public sealed record ContactView(int Id, int PersonId, string Name, int UnitId, string UnitName, Domain.Units.UnitKind Kind, DateOnly From, DateOnly? To, int Version);

/// <summary>An organization subtree's grassroots year: each leader's counts and the year's records.</summary>
public sealed record GrassrootsYearView(
    int OrganizationId, string OrganizationName, int Year, IReadOnlyList<LeaderYearRow> Leaders, IReadOnlyList<StayView> Stays,
    IReadOnlyList<SpotCheckView> SpotChecks, IReadOnlyList<ContactView> Contacts, bool CanWrite);

public sealed record StayShortRow(int PersonId, string Name, string OrganizationName, int Done, int Missing);

/// <summary>A leader's short weeks of nights since 1 January: how many, the last one, and each week.</summary>
public sealed record NightShortRow(int PersonId, string Name, string OrganizationName, int ShortWeeks, IReadOnlyList<Domain.Cadres.NightShortWeek> Weeks);

public sealed record AbsentRow(int PersonId, string Name, DateOnly Night, bool Reported);

public sealed record ContactShortRow(int PersonId, string Name, int MissingEnterprises, int MissingVillages);

/// <summary>How many leaders of one township are short of anything.</summary>
public sealed record TownshipShortCount(int OrganizationId, string OrganizationName, int Leaders);

/// <summary>The shortfall lists (GrassrootsShortfall) on a day.</summary>
public sealed record ShortfallView(
    int OrganizationId, string OrganizationName, DateOnly AsOf, IReadOnlyList<StayShortRow> Stays, IReadOnlyList<NightShortRow> Nights,
    IReadOnlyList<AbsentRow> Absent, IReadOnlyList<ContactShortRow> Contacts, IReadOnlyList<TownshipShortCount> ByTownship);

public sealed record PetitionCaseView(int Id, string Summary, int Petitioners, string? Handling, bool Resolved);

public sealed record RotaDayView(int Id, DateOnly Day, int PersonId, string Name, int Version, IReadOnlyList<PetitionCaseView> Cases);

/// <summary>A township's rota for a month: the days filled, the working days left empty (null: the calendar lacks the year), its leaders.</summary>
public sealed record RotaMonthView(
    int OrganizationId, string OrganizationName, int Year, int Month, IReadOnlyList<RotaDayView> Days, IReadOnlyList<DateOnly>? Gaps,
    IReadOnlyList<GrassrootsLeader> Leaders, bool CanWrite);

public sealed record UnitOption(int Id, string Name, Domain.Units.UnitKind Kind);
