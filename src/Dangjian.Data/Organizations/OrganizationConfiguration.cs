using Dangjian.Domain.Organizations;
using Dangjian.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(Organization.MaxCodeLength);
        b.Property(o => o.Name).HasMaxLength(Organization.MaxNameLength);
        b.Property(o => o.Path).HasMaxLength(400);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.Path);
        b.HasIndex(o => o.ParentId);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);

        // "Merged from" on A's page is a lookup by this column. No foreign key: organizations are never deleted, so the id
        // cannot dangle, and adding one would make SQLite rebuild the table every other table points at.
        b.HasIndex(o => o.MergedIntoId);
        b.Ignore(o => o.IsActive);
        b.Ignore(o => o.Depth);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.AreaOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.AreaOrganizationId);
        b.HasIndex(u => u.OrganizationId);
    }
}
