using Dangjian.Domain.Cadres;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Cadres;

internal sealed class GrassrootsStayConfiguration : IEntityTypeConfiguration<GrassrootsStay>
{
    public void Configure(EntityTypeBuilder<GrassrootsStay> b)
    {
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Place).HasMaxLength(GrassrootsStay.MaxPlaceLength);
        b.Ignore(s => s.Time);
        b.HasIndex(s => new { s.PersonId, s.From });
        b.HasIndex(s => s.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NightStayConfiguration : IEntityTypeConfiguration<NightStay>
{
    public void Configure(EntityTypeBuilder<NightStay> b)
    {
        // A night is reported once per leader.
        b.HasIndex(n => new { n.PersonId, n.Night }).IsUnique();
        b.HasIndex(n => n.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NightSpotCheckConfiguration : IEntityTypeConfiguration<NightSpotCheck>
{
    public void Configure(EntityTypeBuilder<NightSpotCheck> b)
    {
        b.Property(c => c.CheckedBy).HasMaxLength(NightSpotCheck.MaxNameLength);
        b.Property(c => c.Note).HasMaxLength(NightSpotCheck.MaxNoteLength);
        b.HasIndex(c => new { c.PersonId, c.Night });
        b.HasIndex(c => c.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.PersonId, c.UnitId });
        b.HasIndex(c => c.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RotaDayConfiguration : IEntityTypeConfiguration<RotaDay>
{
    public void Configure(EntityTypeBuilder<RotaDay> b)
    {
        b.Property(d => d.Version).IsConcurrencyToken();

        // One member on duty a day per township (RotaDay.Schedule).
        b.HasIndex(d => new { d.OrganizationId, d.Day }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Cases).WithOne().HasForeignKey(c => c.RotaDayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PetitionCaseConfiguration : IEntityTypeConfiguration<PetitionCase>
{
    public void Configure(EntityTypeBuilder<PetitionCase> b)
    {
        b.Property(c => c.Summary).HasMaxLength(PetitionCase.MaxSummaryLength);
        b.Property(c => c.Handling).HasMaxLength(PetitionCase.MaxHandlingLength);
    }
}
