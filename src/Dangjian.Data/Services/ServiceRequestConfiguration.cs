using Dangjian.Domain.Organizations;
using Dangjian.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Services;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Title).HasMaxLength(ServiceRequest.MaxTitleLength);
        b.Property(r => r.Details).HasMaxLength(ServiceRequest.MaxDetailsLength);
        b.Property(r => r.Answer).HasMaxLength(ServiceRequest.MaxAnswerLength);
        b.Property(r => r.FirstAnswer).HasMaxLength(ServiceRequest.MaxAnswerLength);
        b.Property(r => r.WithdrawReason).HasMaxLength(ServiceRequest.MaxReasonLength);
        b.Property(r => r.ReopenReason).HasMaxLength(ServiceRequest.MaxReasonLength);
        b.Property(r => r.RaisedBy).HasMaxLength(ServiceRequest.MaxByLength);
        b.Property(r => r.TakenUpBy).HasMaxLength(ServiceRequest.MaxByLength);
        b.Property(r => r.AnsweredBy).HasMaxLength(ServiceRequest.MaxByLength);
        b.Property(r => r.ClosedBy).HasMaxLength(ServiceRequest.MaxByLength);
        b.Property(r => r.WithdrawnBy).HasMaxLength(ServiceRequest.MaxByLength);
        b.Property(r => r.ReopenedBy).HasMaxLength(ServiceRequest.MaxByLength);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.IsReopened);

        // Lists read a subtree's requests by raiser or by the level above, newest first; the overdue filter reads status and due days.
        b.HasIndex(r => new { r.OrganizationId, r.RaisedOn });
        b.HasIndex(r => new { r.ToOrganizationId, r.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
