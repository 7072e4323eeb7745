using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        // The roster counts' triggers (RosterCount) are AFTER triggers, which SQLite's RETURNING clause does not go with.
        b.ToTable("People", t => t.UseSqlReturningClause(false));
        b.Property(p => p.Name).HasMaxLength(Person.MaxNameLength);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.Property(p => p.Ethnicity).HasMaxLength(20);
        b.Property(p => p.Education).HasMaxLength(20);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Workplace).HasMaxLength(Person.MaxTextLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.IdNumber).IsUnique();
        b.HasIndex(p => new { p.OrganizationId, p.IsRemoved, p.Name });
        // The roster's order (name, then id) with every column its filters test: a page, even a deep one, is read from this
        // index alone and only its own rows from the table (ORG-3 at a million people).
        b.HasIndex(p => new { p.Name, p.Id, p.OrganizationId, p.IsRemoved, p.Status, p.IsCadre }).HasDatabaseName("IX_People_Roster");
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RosterCountConfiguration : IEntityTypeConfiguration<RosterCount>
{
    public void Configure(EntityTypeBuilder<RosterCount> b)
    {
        b.ToTable("RosterCounts");
        b.HasKey(c => new { c.OrganizationId, c.Status, c.IsCadre });
        b.Property(c => c.Status).HasMaxLength(40);
    }
}

internal sealed class PersonNameCharConfiguration : IEntityTypeConfiguration<PersonNameChar>
{
    public void Configure(EntityTypeBuilder<PersonNameChar> b)
    {
        b.ToTable("PersonNameChars");
        b.HasKey(c => new { c.Character, c.Name, c.PersonId });
        b.Property(c => c.Character).HasMaxLength(2);
        b.Property(c => c.Name).HasMaxLength(Person.MaxNameLength);
        b.Property(c => c.Status).HasMaxLength(40);
    }
}
