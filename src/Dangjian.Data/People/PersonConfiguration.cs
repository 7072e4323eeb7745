using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.Property(p => p.Ethnicity).HasMaxLength(20);
        b.Property(p => p.Education).HasMaxLength(20);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Workplace).HasMaxLength(Person.MaxTextLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.IdNumber).IsUnique();
        b.HasIndex(p => new { p.OrganizationId, p.IsRemoved, p.Name });
        b.HasIndex(p => p.Name);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
