using Dangjian.Domain.Organizations;
using Dangjian.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Reviews;

internal sealed class WorkReviewConfiguration : IEntityTypeConfiguration<WorkReview>
{
    public void Configure(EntityTypeBuilder<WorkReview> b)
    {
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Title).HasMaxLength(WorkReview.MaxTitleLength);
        b.Property(r => r.Summary).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.Participants).HasMaxLength(WorkReview.MaxShortLength);
        b.Property(r => r.Place).HasMaxLength(WorkReview.MaxShortLength);
        b.Property(r => r.Purpose).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.SpecificGoals).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.Variance).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.HighlightsAndShortfalls).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.SuccessFactors).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.FailureFactors).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.Lessons).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.Improvements).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.Application).HasMaxLength(WorkReview.MaxTextLength);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);

        // Lists are per organization subtree, newest first; a record's page lists the reviews attached to it.
        b.HasIndex(r => new { r.OrganizationId, r.HeldOn });
        b.HasIndex(r => new { r.SubjectKind, r.SubjectId });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
