using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Meetings.Compliance;

/// <summary>
/// 三会一课 settings (appsettings "Meetings:Compliance"). Requirements, when any are given, replace
/// <see cref="ComplianceRules.Default"/> whole: "Meetings:Compliance:Requirements:Branch:CommitteeMeeting" = "Monthly".
/// StartsOn: periods that begin before it are not counted (e.g. the day the system went into use).
/// </summary>
public sealed record ComplianceOptions
{
    public const string Section = "Meetings:Compliance";

    public DateOnly? StartsOn { get; init; }

    public Dictionary<OrganizationKind, Dictionary<MeetingType, MeetingFrequency>> Requirements { get; init; } = [];

    public ComplianceRules Rules() =>
        Requirements.Count == 0
            ? ComplianceRules.Default
            : new ComplianceRules(Requirements.Select(k => KeyValuePair.Create(k.Key,
                (IReadOnlyList<ComplianceRequirement>)[.. k.Value.Select(t => new ComplianceRequirement(t.Key, t.Value))])));
}

/// <summary>Dashboard filters: a township (乡镇/街道) of the scope, one type, only the overdue; AsOf defaults to today.</summary>
public sealed record ComplianceFilter(int? TownshipId = null, MeetingType? Type = null, bool OverdueOnly = false, DateOnly? AsOf = null);

/// <summary>One organization and one required type, for the year of the reference day.</summary>
public sealed record ComplianceRow(
    int OrganizationId,
    string OrganizationName,
    OrganizationKind Kind,
    int? TownshipId,
    string? TownshipName,
    MeetingType Type,
    MeetingFrequency Frequency,
    int HeldThisYear,
    int OverdueCount,
    DateOnly? LastHeld,
    DateOnly? NextDue,
    ComplianceState State);

/// <summary>Per type: how many organizations must hold it and how many are up to date (not overdue).</summary>
public sealed record TypeShare(MeetingType Type, int Organizations, int UpToDate, int Due, int Overdue)
{
    public double Percent => Organizations == 0 ? 100 : Math.Round(100.0 * UpToDate / Organizations, 1);
}

public sealed record TownshipRef(int Id, string Name);

public sealed record ComplianceOverview(
    DateOnly AsOf,
    int Year,
    IReadOnlyList<TypeShare> Shares,
    IReadOnlyList<TownshipRef> Townships,
    IReadOnlyList<MeetingType> Types,
    Paged<ComplianceRow> Rows);

public sealed record PeriodView(int Index, DateOnly Start, DateOnly End, PeriodState State, int Held);

public sealed record TypeCompliance(
    MeetingType Type,
    MeetingFrequency Frequency,
    ComplianceState State,
    int HeldThisYear,
    int OverdueCount,
    bool PreviousPeriodMissed,
    DateOnly? LastHeld,
    DateOnly? NextDue,
    IReadOnlyList<PeriodView> Periods);

/// <summary>A meeting of a required type in the year, whatever its status (only held ones count).</summary>
public sealed record YearMeeting(int Id, DateOnly Date, MeetingType Type, string Title, MeetingStatus Status, bool Counts);

/// <summary>The drill-down: an organization's period-by-period grid for a year.</summary>
public sealed record OrganizationCompliance(
    int OrganizationId,
    string OrganizationName,
    OrganizationKind Kind,
    int Year,
    DateOnly AsOf,
    DateOnly? CountFrom,
    IReadOnlyList<TypeCompliance> Types,
    IReadOnlyList<YearMeeting> Meetings);

/// <summary>Marker for the compliance pages' strings (ComplianceText.resx, ComplianceText.en.resx).</summary>
public sealed class ComplianceText;
