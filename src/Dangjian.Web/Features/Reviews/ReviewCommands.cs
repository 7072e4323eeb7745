using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Reviews;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reviews;

/// <summary>Writing and editing work reviews (复盘, REV-1), each after Reviews.Write on the review's organization.</summary>
public sealed class ReviewCommands(DangjianDbContext db, ScopeService scopes, ReviewQueries queries, ReviewSubjects subjects, CurrentUser user, OrgClock clock)
{
    /// <summary>
    /// A new review of the organization, on its own or of one of the organization's records: a subject that does not
    /// exist or belongs to another organization is refused on subjectKind.
    /// </summary>
    public async Task<int> CreateAsync(CreateReviewRequest r, CancellationToken ct = default)
    {
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.ReviewsWrite, orgId, ct);
        if (r.SubjectKind is { } kind && Enum.IsDefined(kind) && r.SubjectId is { } subjectId
            && (await subjects.FindAsync(kind, subjectId, ct))?.OrganizationId != orgId)
        {
            throw new DomainRuleException("Review.SubjectElsewhere", "subjectKind");
        }

        var content = Content(r.Review);
        var review = WorkReview.Create(orgId, r.SubjectKind, r.SubjectId, content, clock.Today, user.Name, clock.UtcNow);
        db.WorkReviews.Add(review);
        db.AuditAction = "WorkReview.Created";
        await db.SaveChangesAsync(ct);
        return review.Id;
    }

    /// <summary>Rewrites a review; its organization and subject stay. A stale version is a conflict.</summary>
    public async Task UpdateAsync(int id, UpdateReviewRequest r, CancellationToken ct = default)
    {
        await queries.DemandAsync(id, Permission.ReviewsWrite, ct);
        var review = await db.WorkReviews.FirstAsync(x => x.Id == id, ct);
        db.ExpectVersion(review, r.Version);
        review.Edit(Content(r.Review), clock.Today, user.Name, clock.UtcNow);
        db.AuditAction = "WorkReview.Edited";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The request as the entity takes it. A missing day is named together with the entity's own findings: they are
    /// collected by checking the rest against a throwaway review dated today.
    /// </summary>
    private WorkReviewContent Content(ReviewFields? f)
    {
        f ??= new ReviewFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        var content = new WorkReviewContent(
            f.Title, f.Summary, f.Participants, f.HeldOn ?? clock.Today, f.Place, f.Purpose, f.SpecificGoals, f.Variance, f.HighlightsAndShortfalls,
            f.SuccessFactors, f.FailureFactors, f.Lessons, f.Improvements, f.Application);
        if (f.HeldOn is null)
        {
            var errors = new FieldErrors().Add("heldOn", "Input.Required", "Field.Review.HeldOn");
            try
            {
                WorkReview.Create(0, null, null, content, clock.Today, user.Name, clock.UtcNow);
            }
            catch (DomainRuleException e)
            {
                errors.AddAll(e.Problems);
            }

            errors.ThrowIfAny();
        }

        return content;
    }
}
