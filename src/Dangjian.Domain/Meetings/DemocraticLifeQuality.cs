namespace Dangjian.Domain.Meetings;

/// <summary>
/// DLM-4 quality of a democratic life meeting: the share of the problems found that are resolved. Seed 000: 把班子成员
/// 问题是否被检查出来，是否得到解决作为衡量民主生活会质量的主要标志. Computed from the records, never stored.
/// </summary>
public sealed record DemocraticLifeQuality(int Problems, int Resolved)
{
    /// <summary>Percent resolved, one decimal; null when no problem was found (nothing to measure, not 0 % or 100 %).</summary>
    public double? Percent => Problems == 0 ? null : Math.Round(Resolved * 100.0 / Problems, 1, MidpointRounding.AwayFromZero);

    /// <summary>A problem counts as resolved when it has at least one rectification and all of them are done.</summary>
    public static DemocraticLifeQuality Of(IEnumerable<DemocraticLifeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        return new DemocraticLifeQuality(list.Count, list.Count(p => p.IsResolved));
    }

    public static DemocraticLifeQuality Of(DemocraticLifeMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Of(meeting.Problems);
    }
}

/// <summary>
/// DLM-4 continuity (承前启后): a meeting opens with the rectifications still open from the organization's earlier
/// meetings, so the new meeting checks on them and they can be worked from there (the same records, not copies).
/// Seed 000: 既要与上次生活会内容相连接 … 会议完成后，要花一段时间督促落实整改措施.
/// </summary>
public static class DemocraticLifeContinuity
{
    /// <summary>Meetings of the same organization that come before <paramref name="current"/>: by year, then date, then id.</summary>
    public static IReadOnlyList<DemocraticLifeMeeting> Earlier(DemocraticLifeMeeting current, IEnumerable<DemocraticLifeMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(meetings);
        return [.. meetings
            .Where(m => m.OrganizationId == current.OrganizationId && m.Id != current.Id && Compare(m, current) < 0)
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Date).ThenByDescending(m => m.Id)];
    }

    /// <summary>The previous meeting of the organization, if any.</summary>
    public static DemocraticLifeMeeting? Previous(DemocraticLifeMeeting current, IEnumerable<DemocraticLifeMeeting> meetings)
    {
        var earlier = Earlier(current, meetings);
        return earlier.Count > 0 ? earlier[0] : null;
    }

    /// <summary>
    /// The rectifications still open from every earlier meeting of the organization, most recent meeting first, then by
    /// deadline: the previous meeting's open ones, and any older ones it carried and that are still open, so nothing
    /// drops out of sight after one year.
    /// </summary>
    public static IReadOnlyList<CarriedRectification> CarryOver(DemocraticLifeMeeting current, IEnumerable<DemocraticLifeMeeting> meetings) =>
        [.. Earlier(current, meetings).SelectMany(m => m.Problems.SelectMany(p => p.Rectifications
                .Where(r => r.Status == RectificationStatus.Open)
                .OrderBy(r => r.Deadline).ThenBy(r => r.Id)
                .Select(r => new CarriedRectification(m, p, r))))];

    private static int Compare(DemocraticLifeMeeting a, DemocraticLifeMeeting b)
    {
        var c = a.Year.CompareTo(b.Year);
        if (c == 0)
        {
            c = a.Date.CompareTo(b.Date);
        }

        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }
}

/// <summary>An open rectification of an earlier meeting, with the meeting and the problem it belongs to.</summary>
public sealed record CarriedRectification(DemocraticLifeMeeting Meeting, DemocraticLifeProblem Problem, DemocraticLifeRectification Rectification);
