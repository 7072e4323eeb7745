using Dangjian.Domain.Cadres;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Cadres;

/// <summary>
/// The two pools share the <see cref="PoolEntry"/> base in Domain only: each is its own table (no TPH, no TPT). The base
/// class is never added to the model, and EF Core does not discover an unmapped base type, so each table carries the
/// inherited columns itself.
/// </summary>
internal static class PoolEntryColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b)
        where T : PoolEntry
    {
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Property(e => e.EntryReason).HasMaxLength(PoolEntry.MaxReasonLength);
        b.Property(e => e.LeaveReason).HasMaxLength(PoolEntry.MaxReasonLength);
        b.Ignore(e => e.IsOpen);
        b.HasIndex(e => new { e.OrganizationId, e.EnteredOn });
        b.HasIndex(e => e.PersonId);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReserveCadreConfiguration : IEntityTypeConfiguration<ReserveCadre>
{
    public void Configure(EntityTypeBuilder<ReserveCadre> b)
    {
        b.HasBaseType((Type?)null);
        PoolEntryColumns.Configure(b);
        b.Property(e => e.TargetPostLevel).HasMaxLength(ReserveCadre.MaxPostLength);
        b.Property(e => e.TargetPostType).HasMaxLength(ReserveCadre.MaxPostLength);
        b.Property(e => e.Field).HasMaxLength(ReserveCadre.MaxFieldLength);
        b.HasMany(e => e.Postings).WithOne().HasForeignKey(p => p.ReserveCadreId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Assessments).WithOne().HasForeignKey(a => a.ReserveCadreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReservePostingConfiguration : IEntityTypeConfiguration<ReservePosting>
{
    public void Configure(EntityTypeBuilder<ReservePosting> b) => b.Property(p => p.Place).HasMaxLength(ReservePosting.MaxPlaceLength);
}

internal sealed class ReserveAssessmentConfiguration : IEntityTypeConfiguration<ReserveAssessment>
{
    public void Configure(EntityTypeBuilder<ReserveAssessment> b)
    {
        b.Property(a => a.Grade).HasMaxLength(Domain.Evaluations.CampaignRules.MaxGradeNameLength);

        // One result a year per entry (ReserveCadre.NoteAssessment).
        b.HasIndex(a => new { a.ReserveCadreId, a.Year }).IsUnique();
    }
}

/// <summary>Skills and posts held are short tag lists, read and written whole with the entry: primitive collections.</summary>
internal sealed class TalentPoolEntryConfiguration : IEntityTypeConfiguration<TalentPoolEntry>
{
    public void Configure(EntityTypeBuilder<TalentPoolEntry> b)
    {
        b.HasBaseType((Type?)null);
        PoolEntryColumns.Configure(b);
        b.PrimitiveCollection(e => e.Skills);
        b.PrimitiveCollection(e => e.PostsHeld);
    }
}
