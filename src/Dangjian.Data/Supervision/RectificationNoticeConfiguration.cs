using Dangjian.Domain.Organizations;
using Dangjian.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Supervision;

/// <summary>
/// 预警 / 整改通知 (SUP-2). The target is a team or a person by <see cref="RectificationNotice.TargetKind"/>, so it has no
/// foreign key; the notice's history is its entries in the audit log, so it keeps no history table of its own.
/// </summary>
internal sealed class RectificationNoticeConfiguration : IEntityTypeConfiguration<RectificationNotice>
{
    public void Configure(EntityTypeBuilder<RectificationNotice> b)
    {
        b.Property(n => n.Version).IsConcurrencyToken();
        b.Property(n => n.Problem).HasMaxLength(RectificationNotice.MaxProblemLength);
        b.Property(n => n.Evidence).HasMaxLength(RectificationNotice.MaxEvidenceLength);
        b.Property(n => n.Response).HasMaxLength(RectificationNotice.MaxResponseLength);
        b.Property(n => n.VerificationNote).HasMaxLength(RectificationNotice.MaxNoteLength);
        b.Property(n => n.IssuedBy).HasMaxLength(RectificationNotice.MaxStaffNameLength);
        b.Property(n => n.VerifiedBy).HasMaxLength(RectificationNotice.MaxStaffNameLength);
        b.Property(n => n.ClosedBy).HasMaxLength(RectificationNotice.MaxStaffNameLength);

        // The list reads a subtree's notices by status and deadline (overdue); the person page reads a cadre's.
        b.HasIndex(n => new { n.OrganizationId, n.Status, n.Deadline });
        b.HasIndex(n => new { n.TargetKind, n.TargetId });
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
