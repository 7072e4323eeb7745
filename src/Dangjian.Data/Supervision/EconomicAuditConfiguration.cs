using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Supervision;

/// <summary>经济责任审计 (SUP-3) and its findings.</summary>
internal sealed class EconomicAuditConfiguration : IEntityTypeConfiguration<EconomicAudit>
{
    public void Configure(EntityTypeBuilder<EconomicAudit> b)
    {
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Conclusion).HasMaxLength(EconomicAudit.MaxConclusionLength);
        b.Ignore(a => a.IsRectified);
        b.HasMany(a => a.Findings).WithOne().HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.OrganizationId, a.Status });
        b.HasIndex(a => a.PersonId);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> b)
    {
        b.Property(f => f.Text).HasMaxLength(AuditFinding.MaxTextLength);
        b.Property(f => f.Measure).HasMaxLength(AuditFinding.MaxMeasureLength);
    }
}
