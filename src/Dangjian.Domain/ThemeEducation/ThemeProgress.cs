using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.ThemeEducation;

/// <summary>Where one organization stands on one required activity at a day.</summary>
public enum ActivityState
{
    /// <summary>Reported done on a day up to the day asked about.</summary>
    Done,

    /// <summary>Not done yet, and the due day has not passed (the due day itself is still on time).</summary>
    Due,

    /// <summary>Not done and the due day has passed: overdue from the day after the due day.</summary>
    Overdue,
}

/// <summary>One cell of the completion grid: an organization, an activity, its state and the day it was done, if done.</summary>
public sealed record ActivityCell(int OrganizationId, int ActivityId, ActivityState State, DateOnly? DoneOn)
{
    /// <summary>Done after its due day (done late still counts as done).</summary>
    public bool Late(RequiredActivity activity) => DoneOn is { } d && d > activity.DueOn;
}

/// <summary>Completion over a set of organizations: required (organization × activity) pairs, done, overdue, and the percent done.</summary>
public sealed record ThemeCompletion(int Required, int Done, int Overdue)
{
    /// <summary>Done over required, in whole percent rounded down (a subtree is 100% only when every pair is done); 0 when nothing is required.</summary>
    public int Percent => Required == 0 ? 0 : (int)(Done * 100L / Required);
}

/// <summary>
/// The completion of a campaign (MTG-13: completion tracked over the subtree). An organization of the subtree owes an
/// activity when it is of a level the activity names; it is done when it reported a day up to the day asked about,
/// due while that day is not after the due day, and overdue from the day after. The page, the API, the overdue list and
/// the export all read these.
/// </summary>
public static class ThemeProgress
{
    public static ActivityState StateOf(RequiredActivity activity, DateOnly? doneOn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (doneOn is { } d && d <= asOf)
        {
            return ActivityState.Done;
        }

        return asOf > activity.DueOn ? ActivityState.Overdue : ActivityState.Due;
    }

    /// <summary>
    /// Every cell owed by <paramref name="organizations"/> (those of the campaign's subtree), in the order of the
    /// organizations then of the activities, from their reports.
    /// </summary>
    public static IReadOnlyList<ActivityCell> Grid(
        ThemeCampaign campaign, IEnumerable<ThemeParticipant> organizations, IEnumerable<ActivityReport> reports, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(reports);
        var done = reports.ToDictionary(r => (r.OrganizationId, r.ActivityId), r => r.DoneOn);
        var activities = campaign.Activities.ToList();
        return [.. organizations.SelectMany(o => activities.Where(a => a.AppliesTo(o.Kind))
            .Select(a =>
            {
                var day = done.TryGetValue((o.Id, a.Id), out var d) ? d : (DateOnly?)null;
                var state = StateOf(a, day, asOf);
                return new ActivityCell(o.Id, a.Id, state, state == ActivityState.Done ? day : null);
            }))];
    }

    public static ThemeCompletion Completion(IEnumerable<ActivityCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        return new(list.Count, list.Count(c => c.State == ActivityState.Done), list.Count(c => c.State == ActivityState.Overdue));
    }

    /// <summary>
    /// Completion by the organizations directly under <paramref name="rootPath"/> (for a district campaign: by township),
    /// each over its own subtree, in the order given; the root's own cells are left out.
    /// </summary>
    public static IReadOnlyList<(ThemeParticipant Child, ThemeCompletion Completion)> ByChild(
        string rootPath, IReadOnlyList<ThemeParticipant> organizations, IReadOnlyList<ActivityCell> cells)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(cells);
        var depth = OrganizationTree.Depth(rootPath) + 1;
        var children = organizations.Where(o => OrganizationTree.Depth(o.Path) == depth && OrganizationTree.IsWithin(o.Path, rootPath)).ToList();
        var pathOf = organizations.ToDictionary(o => o.Id, o => o.Path);
        return [.. children.Select(c => (c, Completion(cells.Where(x => OrganizationTree.IsWithin(pathOf[x.OrganizationId], c.Path)))))];
    }
}
