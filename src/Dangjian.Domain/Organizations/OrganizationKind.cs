namespace Dangjian.Domain.Organizations;

/// <summary>
/// The levels of the tree (ORG-1): 区委 → 乡镇党委 / 街道党工委 → 党总支 → 党支部 → 党小组.
/// The numeric value is the level's rank: a child always ranks below its parent.
/// </summary>
public enum OrganizationKind
{
    /// <summary>区委 — the district committee, root of a district's tree.</summary>
    DistrictCommittee = 0,

    /// <summary>乡镇党委</summary>
    TownshipCommittee = 10,

    /// <summary>街道党工委</summary>
    StreetWorkingCommittee = 11,

    /// <summary>党总支</summary>
    GeneralBranch = 20,

    /// <summary>党支部 (village, community, enterprise… branch)</summary>
    Branch = 30,

    /// <summary>党小组</summary>
    PartyGroup = 40,
}

public static class OrganizationKinds
{
    /// <summary>The tier of a kind; kinds on one tier (乡镇党委, 街道党工委) are peers.</summary>
    public static int Tier(this OrganizationKind kind) => (int)kind / 10;

    /// <summary>
    /// Whether an organization of <paramref name="child"/> kind may sit directly under one of
    /// <paramref name="parent"/> kind. A 党支部 may sit under a 乡镇党委 directly or under a 党总支;
    /// a 党小组 only under a 党支部 or 党总支. Nothing sits under a 党小组.
    /// </summary>
    public static bool MayContain(this OrganizationKind parent, OrganizationKind child)
    {
        if (child == OrganizationKind.DistrictCommittee || parent == OrganizationKind.PartyGroup)
        {
            return false;
        }

        if (child == OrganizationKind.PartyGroup)
        {
            return parent is OrganizationKind.Branch or OrganizationKind.GeneralBranch;
        }

        return child.Tier() > parent.Tier();
    }

    /// <summary>Committees elect a committee (委员会); branches elect a branch committee (支委会).</summary>
    public static bool HasLeadershipTeam(this OrganizationKind kind) => kind != OrganizationKind.PartyGroup;
}
