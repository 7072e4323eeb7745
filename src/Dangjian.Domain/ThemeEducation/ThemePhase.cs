namespace Dangjian.Domain.ThemeEducation;

/// <summary>阶段: one phase of a campaign (e.g. 学习教育、查摆问题、整改落实), its days inclusive, and what must be done in it.</summary>
public sealed class ThemePhase
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public List<RequiredActivity> Activities { get; set; } = [];
}

/// <summary>The kinds of required activity seed 004's theme education names (查问题、理思路、促整改).</summary>
public enum RequiredActivityKind
{
    /// <summary>专题党课.</summary>
    ThemedPartyLecture,

    /// <summary>专题民主生活会 (a leadership team's).</summary>
    SpecialDemocraticLife,

    /// <summary>专题组织生活会 (a branch's).</summary>
    SpecialOrganizationalLife,

    /// <summary>查摆问题清单: the problems found.</summary>
    ProblemList,

    /// <summary>整改落实: the measures done.</summary>
    Rectification,

    /// <summary>Anything else the plan names.</summary>
    Other,
}

/// <summary>
/// The organization levels that must carry out an activity. Seed 004 sets the theme education level by level: 区级 and
/// 镇乡(街道) (committees), and 村级 (branches and general branches).
/// </summary>
[Flags]
public enum ThemeActivityLevels
{
    None = 0,

    /// <summary>党委 / 党工委: the district's and the townships' committees.</summary>
    Committees = 1,

    /// <summary>党总支.</summary>
    GeneralBranches = 2,

    /// <summary>党支部.</summary>
    Branches = 4,

    All = Committees | GeneralBranches | Branches,
}

/// <summary>规定动作: an activity every organization of <see cref="Levels"/> in the campaign's subtree carries out by <see cref="DueOn"/>.</summary>
public sealed class RequiredActivity
{
    public const int MaxTitleLength = 200;

    public int Id { get; set; }

    public int PhaseId { get; set; }

    public RequiredActivityKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The last day it may be done on time (inside its phase).</summary>
    public DateOnly DueOn { get; set; }

    public ThemeActivityLevels Levels { get; set; }

    /// <summary>Whether an organization of <paramref name="kind"/> must carry it out (party groups never report on their own).</summary>
    public bool AppliesTo(Organizations.OrganizationKind kind) => (Levels & LevelOf(kind)) != ThemeActivityLevels.None;

    public static ThemeActivityLevels LevelOf(Organizations.OrganizationKind kind) => kind switch
    {
        Organizations.OrganizationKind.DistrictCommittee or Organizations.OrganizationKind.TownshipCommittee
            or Organizations.OrganizationKind.StreetWorkingCommittee => ThemeActivityLevels.Committees,
        Organizations.OrganizationKind.GeneralBranch => ThemeActivityLevels.GeneralBranches,
        Organizations.OrganizationKind.Branch => ThemeActivityLevels.Branches,
        _ => ThemeActivityLevels.None,
    };
}
