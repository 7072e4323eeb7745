using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Meetings;

/// <summary>How often a meeting of a type is required; the value is the period's length in months.</summary>
public enum MeetingFrequency
{
    Monthly = 1,
    Quarterly = 3,
    HalfYearly = 6,
    Yearly = 12,
}

/// <summary>One required meeting type of an organization kind and how often it must be held (MTG-9).</summary>
public sealed record ComplianceRequirement(MeetingType Type, MeetingFrequency Frequency);

/// <summary>
/// 三会一课 (MTG-9) as rule data: which meeting types each kind of organization must hold, and how often. The defaults
/// are the customary 三会一课 frequencies: a 党支部 holds 支部党员大会 quarterly, 支委会 monthly and 党课 quarterly; a
/// 党小组 holds 党小组会 monthly. Settings may replace them (Meetings:Compliance).
/// </summary>
public sealed class ComplianceRules
{
    private readonly Dictionary<OrganizationKind, IReadOnlyList<ComplianceRequirement>> _byKind;

    public ComplianceRules(IEnumerable<KeyValuePair<OrganizationKind, IReadOnlyList<ComplianceRequirement>>> byKind)
    {
        ArgumentNullException.ThrowIfNull(byKind);
        _byKind = byKind.ToDictionary(k => k.Key, k => (IReadOnlyList<ComplianceRequirement>)[.. k.Value.DistinctBy(r => r.Type)]);
    }

    public static ComplianceRules Default { get; } = new(new Dictionary<OrganizationKind, IReadOnlyList<ComplianceRequirement>>
    {
        [OrganizationKind.Branch] =
        [
            new(MeetingType.MembersAssembly, MeetingFrequency.Quarterly),
            new(MeetingType.CommitteeMeeting, MeetingFrequency.Monthly),
            new(MeetingType.PartyLecture, MeetingFrequency.Quarterly),
        ],
        [OrganizationKind.PartyGroup] = [new(MeetingType.GroupMeeting, MeetingFrequency.Monthly)],
    });

    /// <summary>The kinds that have any requirement.</summary>
    public IReadOnlyCollection<OrganizationKind> Kinds => [.. _byKind.Where(k => k.Value.Count > 0).Select(k => k.Key)];

    /// <summary>Every meeting type required of some kind.</summary>
    public IReadOnlyCollection<MeetingType> Types => [.. _byKind.Values.SelectMany(v => v).Select(r => r.Type).Distinct().Order()];

    public IReadOnlyList<ComplianceRequirement> For(OrganizationKind kind) =>
        _byKind.TryGetValue(kind, out var list) ? list : [];
}
