using System.Globalization;
using Dangjian.Data;
using Dangjian.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reviews;

/// <summary>
/// The records a work review can be attached to (REV-1: a meeting, an election project, an evaluation campaign, a
/// commitment campaign or a democratic life meeting): which organization each belongs to, its title, its page.
/// </summary>
public sealed class ReviewSubjects(DangjianDbContext db)
{
    /// <summary>The subject's organization and title, or null when there is no such record.</summary>
    public async Task<(int OrganizationId, string Title)?> FindAsync(ReviewSubjectKind kind, int id, CancellationToken ct = default)
    {
        var found = await Query(kind, [id]).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.OrganizationId, found.Title);
    }

    /// <summary>The subjects of many reviews at once, one query per kind present.</summary>
    public async Task<IReadOnlyDictionary<(ReviewSubjectKind, int), ReviewSubjectView>> ViewsAsync(
        IEnumerable<(ReviewSubjectKind Kind, int Id)> subjects, CancellationToken ct = default)
    {
        var result = new Dictionary<(ReviewSubjectKind, int), ReviewSubjectView>();
        foreach (var kind in subjects.Distinct().GroupBy(s => s.Kind))
        {
            var ids = kind.Select(s => s.Id).ToList();
            foreach (var s in await Query(kind.Key, ids).ToListAsync(ct))
            {
                result[(kind.Key, s.Id)] = new ReviewSubjectView(kind.Key, s.Id, s.Title, Href(kind.Key, s.Id));
            }
        }

        return result;
    }

    /// <summary>The staff page of a subject.</summary>
    public static string Href(ReviewSubjectKind kind, int id) => kind switch
    {
        ReviewSubjectKind.Meeting => "meetings/",
        ReviewSubjectKind.ElectionProject => "elections/",
        ReviewSubjectKind.EvaluationCampaign => "evaluations/",
        ReviewSubjectKind.CommitmentCampaign => "commitments/",
        ReviewSubjectKind.DemocraticLifeMeeting => "meetings/democratic-life/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    } + id.ToString(CultureInfo.InvariantCulture);

    private IQueryable<Found> Query(ReviewSubjectKind kind, List<int> ids) => kind switch
    {
        ReviewSubjectKind.Meeting => db.Meetings.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new Found(x.Id, x.OrganizationId, x.Title)),
        ReviewSubjectKind.ElectionProject => db.ElectionProjects.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new Found(x.Id, x.OrganizationId, x.Title)),
        ReviewSubjectKind.EvaluationCampaign => db.EvaluationCampaigns.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new Found(x.Id, x.OrganizationId, x.Title)),
        ReviewSubjectKind.CommitmentCampaign => db.CommitmentCampaigns.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new Found(x.Id, x.OrganizationId, x.Title)),
        ReviewSubjectKind.DemocraticLifeMeeting => db.DemocraticLifeMeetings.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new Found(x.Id, x.OrganizationId, x.Theme)),
        _ => db.Meetings.AsNoTracking().Where(x => false).Select(x => new Found(x.Id, x.OrganizationId, x.Title)),
    };

    private sealed record Found(int Id, int OrganizationId, string Title);
}
