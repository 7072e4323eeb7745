using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Meetings;

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> b)
    {
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Topics).HasMaxLength(Talk.MaxTopicsLength);
        b.Property(t => t.FollowUp).HasMaxLength(Talk.MaxFollowUpLength);
        b.Property(t => t.RecordedBy).HasMaxLength(Talk.MaxRecordedByLength);

        // The register and the coverage read one organization's talks of a year, by day.
        b.HasIndex(t => new { t.OrganizationId, t.HeldOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.InitiatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
