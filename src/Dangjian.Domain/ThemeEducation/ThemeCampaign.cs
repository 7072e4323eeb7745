using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.ThemeEducation;

/// <summary>Where a theme education campaign stands: set up (草拟), under way (启动), finished (结束).</summary>
public enum ThemeCampaignStatus
{
    /// <summary>Phases and required activities are set; nothing is reported yet.</summary>
    Draft,

    /// <summary>The subtree carries out the required activities and reports them; the plan no longer changes.</summary>
    Launched,

    /// <summary>Over: reports are no longer taken; the completion stays as it was.</summary>
    Closed,
}

/// <summary>
/// 主题教育 (MTG-13): a campaign an organization sets for its subtree. Seed 004 (强化思想政治建设) has the district run
/// theme education at every level — "三树一创" for the district's leadership, "查问题、理思路、促整改" for organs and
/// townships, and a theme on 宗旨观念 and 服务水平 for villages — each in ordered phases (学习教育、查摆问题、整改落实) with
/// activities every organization of the named levels must carry out by a day (<see cref="RequiredActivity"/>). The plan is
/// edited only in <see cref="ThemeCampaignStatus.Draft"/>; organizations report their activities only while it is
/// <see cref="ThemeCampaignStatus.Launched"/> (<see cref="ActivityReport"/>).
/// </summary>
public sealed class ThemeCampaign : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxThemeLength = 500;

    public int Id { get; set; }

    /// <summary>The organizing organization: it and its subtree take part.</summary>
    public int OrganizationId { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The theme (主题), e.g. 查问题、理思路、促整改.</summary>
    public string Theme { get; set; } = string.Empty;

    /// <summary>First day of the campaign, inclusive.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day of the campaign, inclusive.</summary>
    public DateOnly EndsOn { get; set; }

    public ThemeCampaignStatus Status { get; set; }

    public List<ThemePhase> Phases { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The phases in their order: by first day (they never overlap).</summary>
    public IEnumerable<ThemePhase> OrderedPhases => Phases.OrderBy(p => p.StartsOn).ThenBy(p => p.Id);

    public IEnumerable<RequiredActivity> Activities => OrderedPhases.SelectMany(p => p.Activities.OrderBy(a => a.DueOn).ThenBy(a => a.Id));

    /// <summary>A campaign in draft for the subtree of <paramref name="organizationId"/>.</summary>
    public static ThemeCampaign Create(int organizationId, string title, string theme, DateOnly startsOn, DateOnly endsOn)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.ThemeEducation.Organization");
        }

        var campaign = new ThemeCampaign { OrganizationId = organizationId };
        campaign.Describe(title, theme, startsOn, endsOn);
        return campaign;
    }

    /// <summary>Title, theme and days, checked; only in draft, and every phase must stay inside the new days.</summary>
    public void Describe(string title, string theme, DateOnly startsOn, DateOnly endsOn)
    {
        RefuseUnlessDraft();
        var t = TextInput.Required(title, MaxTitleLength, "title", "Field.ThemeEducation.Title");
        var th = TextInput.Required(theme, MaxThemeLength, "theme", "Field.ThemeEducation.Theme");
        SaneDates.Demand(startsOn, "startsOn", "Field.ThemeEducation.StartsOn");
        SaneDates.Demand(endsOn, "endsOn", "Field.ThemeEducation.EndsOn");
        if (endsOn < startsOn)
        {
            throw new DomainRuleException("ThemeEducation.DaysBackwards", "endsOn");
        }

        if (Phases.Any(p => p.StartsOn < startsOn || p.EndsOn > endsOn))
        {
            throw new DomainRuleException("ThemeEducation.PhaseOutsideCampaign", Phases.Any(p => p.StartsOn < startsOn) ? "startsOn" : "endsOn");
        }

        (Title, Theme, StartsOn, EndsOn) = (t, th, startsOn, endsOn);
    }

    /// <summary>
    /// Adds a phase (阶段): its days inside the campaign's and overlapping no other phase, so the phases have one order,
    /// each following the one before (学习教育 before 查摆问题 before 整改落实).
    /// </summary>
    public ThemePhase AddPhase(string name, DateOnly startsOn, DateOnly endsOn)
    {
        RefuseUnlessDraft();
        var n = TextInput.Required(name, ThemePhase.MaxNameLength, "name", "Field.ThemeEducation.PhaseName");
        SaneDates.Demand(startsOn, "startsOn", "Field.ThemeEducation.PhaseStartsOn");
        SaneDates.Demand(endsOn, "endsOn", "Field.ThemeEducation.PhaseEndsOn");
        if (endsOn < startsOn)
        {
            throw new DomainRuleException("ThemeEducation.DaysBackwards", "endsOn");
        }

        if (startsOn < StartsOn || endsOn > EndsOn)
        {
            throw new DomainRuleException("ThemeEducation.PhaseOutsideCampaign", startsOn < StartsOn ? "startsOn" : "endsOn");
        }

        if (Phases.FirstOrDefault(p => p.StartsOn <= endsOn && startsOn <= p.EndsOn) is { } other)
        {
            throw new DomainRuleException("ThemeEducation.PhasesOverlap", "startsOn", other.Name);
        }

        var phase = new ThemePhase { Name = n, StartsOn = startsOn, EndsOn = endsOn };
        Phases.Add(phase);
        return phase;
    }

    /// <summary>Removes a phase and its activities; only in draft (nothing has been reported against them).</summary>
    public void RemovePhase(int phaseId)
    {
        RefuseUnlessDraft();
        Phases.Remove(Phase(phaseId));
    }

    /// <summary>
    /// Adds a required activity (规定动作) to a phase: due on a day inside the phase (the phase's last day at the latest),
    /// for the organizations of at least one level.
    /// </summary>
    public RequiredActivity AddActivity(int phaseId, RequiredActivityKind kind, string title, DateOnly dueOn, ThemeActivityLevels levels)
    {
        RefuseUnlessDraft();
        var phase = Phase(phaseId);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.ThemeEducation.ActivityKind");
        }

        var t = TextInput.Required(title, RequiredActivity.MaxTitleLength, "title", "Field.ThemeEducation.ActivityTitle");
        SaneDates.Demand(dueOn, "dueOn", "Field.ThemeEducation.DueOn");
        if (dueOn < phase.StartsOn || dueOn > phase.EndsOn)
        {
            throw new DomainRuleException("ThemeEducation.DueOutsidePhase", "dueOn", phase.Name);
        }

        if ((levels & ThemeActivityLevels.All) == ThemeActivityLevels.None || (levels & ~ThemeActivityLevels.All) != 0)
        {
            throw new DomainRuleException("Input.Required", "levels", "Field.ThemeEducation.Levels");
        }

        var activity = new RequiredActivity { Kind = kind, Title = t, DueOn = dueOn, Levels = levels };
        phase.Activities.Add(activity);
        return activity;
    }

    /// <summary>Removes a required activity; only in draft.</summary>
    public void RemoveActivity(int activityId)
    {
        RefuseUnlessDraft();
        var phase = Phases.FirstOrDefault(p => p.Activities.Any(a => a.Id == activityId))
            ?? throw new DomainRuleException("ThemeEducation.NoSuchActivity", "activityId");
        phase.Activities.RemoveAll(a => a.Id == activityId);
    }

    /// <summary>草拟 → 启动: the plan is fixed; it needs at least one phase and one required activity.</summary>
    public void Launch()
    {
        RefuseUnlessDraft();
        if (Phases.Count == 0)
        {
            throw new DomainRuleException("ThemeEducation.NoPhases", "phases");
        }

        if (!Phases.Any(p => p.Activities.Count > 0))
        {
            throw new DomainRuleException("ThemeEducation.NoActivities", "activities");
        }

        Status = ThemeCampaignStatus.Launched;
    }

    /// <summary>启动 → 结束: no more reports; what was done stays.</summary>
    public void Close()
    {
        RefuseUnlessLaunched();
        Status = ThemeCampaignStatus.Closed;
    }

    /// <summary>
    /// An organization reports it carried out <paramref name="activityId"/> (or corrects its report): the campaign is under
    /// way, the organization is in the campaign's subtree and of a level the activity names, the day is not after today nor
    /// before the campaign began, and a problem list (查摆问题) names its problems, a rectification (整改落实) its measures.
    /// <paramref name="existing"/> is the organization's earlier report of the activity, corrected in place.
    /// </summary>
    public ActivityReport Report(
        int activityId, ThemeParticipant organization, string campaignRootPath, DateOnly doneOn, string? note, IReadOnlyList<string>? lines,
        DateOnly today, ActivityReport? existing = null)
    {
        ArgumentNullException.ThrowIfNull(organization);
        RefuseUnlessLaunched();
        var activity = Activities.FirstOrDefault(a => a.Id == activityId)
            ?? throw new DomainRuleException("ThemeEducation.NoSuchActivity", "activityId");
        if (!OrganizationTree.IsWithin(organization.Path, campaignRootPath))
        {
            throw new DomainRuleException("ThemeEducation.NotInCampaign", "organizationId");
        }

        if (!activity.AppliesTo(organization.Kind))
        {
            throw new DomainRuleException("ThemeEducation.NotRequired", "organizationId");
        }

        SaneDates.Done(doneOn, "doneOn", "Field.ThemeEducation.DoneOn", today, "ThemeEducation.DoneInFuture");
        if (doneOn < StartsOn)
        {
            throw new DomainRuleException("ThemeEducation.DoneBeforeCampaign", "doneOn", DateText.Format(StartsOn));
        }

        var n = TextInput.Optional(note, ActivityReport.MaxNoteLength, "note", "Field.ThemeEducation.Note");
        var items = ActivityReport.CheckLines(activity.Kind, lines);
        var report = existing ?? new ActivityReport { CampaignId = Id, ActivityId = activityId, OrganizationId = organization.Id };
        if (report.ActivityId != activityId || report.OrganizationId != organization.Id)
        {
            throw new DomainRuleException("ThemeEducation.NoSuchActivity", "activityId");
        }

        (report.DoneOn, report.Note, report.Items, report.ItemCount) = (doneOn, n, string.Join('\n', items), items.Count);
        return report;
    }

    private ThemePhase Phase(int phaseId) =>
        Phases.FirstOrDefault(p => p.Id == phaseId) ?? throw new DomainRuleException("ThemeEducation.NoSuchPhase", "phaseId");

    private void RefuseUnlessDraft()
    {
        if (Status != ThemeCampaignStatus.Draft)
        {
            throw new DomainRuleException("ThemeEducation.NotDraft", "status");
        }
    }

    private void RefuseUnlessLaunched()
    {
        if (Status != ThemeCampaignStatus.Launched)
        {
            throw new DomainRuleException(Status == ThemeCampaignStatus.Closed ? "ThemeEducation.Closed" : "ThemeEducation.NotLaunched", "status");
        }
    }
}

/// <summary>An organization as a campaign sees it: where it sits in the tree and of which kind (its level).</summary>
public sealed record ThemeParticipant(int Id, OrganizationKind Kind, string Path);
