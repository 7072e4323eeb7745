using Dangjian.Domain.Cadres;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Cadres;

/// <summary>干部工作监督员 (CAD-7), the units they follow and their periodic reports.</summary>
internal sealed class WorkSupervisorConfiguration : IEntityTypeConfiguration<WorkSupervisor>
{
    public void Configure(EntityTypeBuilder<WorkSupervisor> b)
    {
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsActive);
        b.HasMany(s => s.Units).WithOne().HasForeignKey(u => u.WorkSupervisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Reports).WithOne().HasForeignKey(r => r.WorkSupervisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.OrganizationId, s.EndedOn });
        b.HasIndex(s => s.PersonId);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisorUnitConfiguration : IEntityTypeConfiguration<SupervisorUnit>
{
    public void Configure(EntityTypeBuilder<SupervisorUnit> b)
    {
        b.HasIndex(u => new { u.WorkSupervisorId, u.UnitId }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisorReportConfiguration : IEntityTypeConfiguration<SupervisorReport>
{
    public void Configure(EntityTypeBuilder<SupervisorReport> b)
    {
        b.Property(r => r.Text).HasMaxLength(SupervisorReport.MaxTextLength);
        b.HasIndex(r => new { r.WorkSupervisorId, r.Year, r.Period }).IsUnique();
    }
}
