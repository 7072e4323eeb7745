using Dangjian.Domain.Common;

namespace Dangjian.Domain.Teams;

/// <summary>
/// 领导班子 of one organization for one term (届, ORG-2). The term runs from <see cref="StartsOn"/> to
/// <see cref="EndsOn"/>, both days included. Its end date drives the term-expiry list that opens elections (ELE-1).
/// </summary>
public sealed class LeadershipTeam : IVersioned
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>届次: 1 for the first term, then up by one per election.</summary>
    public int TermNumber { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public List<TeamPosition> Positions { get; set; } = [];

    public int Version { get; set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && day <= EndsOn;
}

/// <summary>One person's seat in a team: role and portfolio (分管).</summary>
public sealed class TeamPosition
{
    public const int MaxPortfolioLength = 200;

    public int Id { get; set; }

    public int TeamId { get; set; }

    public int PersonId { get; set; }

    public TeamRole Role { get; set; }

    /// <summary>分管 — the work this member is in charge of, as free text ("组织、宣传").</summary>
    public string? Portfolio { get; set; }
}
