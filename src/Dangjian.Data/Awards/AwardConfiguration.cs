using System.Text.Json;
using Dangjian.Domain.Awards;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Awards;

internal sealed class AwardSelectionConfiguration : IEntityTypeConfiguration<AwardSelection>
{
    public void Configure(EntityTypeBuilder<AwardSelection> b)
    {
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Title).HasMaxLength(AwardSelection.MaxTitleLength);
        b.HasIndex(s => new { s.OrganizationId, s.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Nominations).WithOne().HasForeignKey(n => n.SelectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Objections).WithOne().HasForeignKey(o => o.SelectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    /// <summary>The refusal codes with their arguments: five reasons at most, each a code and a few short values.</summary>
    public const int MaxRefusalsJsonLength = 2000;

    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.ToTable("AwardNominations");
        b.Property(n => n.NomineeName).HasMaxLength(Nomination.MaxNameLength);
        b.Property(n => n.NominatedBy).HasMaxLength(Nomination.MaxNameLength);
        b.Property(n => n.Statement).HasMaxLength(Nomination.MaxStatementLength);

        // The reasons are read and written whole with the nomination, never queried: one JSON text column.
        b.Property(n => n.Refusals)
            .HasConversion(
                r => JsonSerializer.Serialize(r, JsonSerializerOptions.Default),
                s => JsonSerializer.Deserialize<List<string>>(s, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (x, y) => x!.SequenceEqual(y!),
                    r => string.Join("\n", r).GetHashCode(StringComparison.Ordinal),
                    r => r.ToList()))
            .HasColumnName("RefusalsJson")
            .HasMaxLength(MaxRefusalsJsonLength);
        b.HasIndex(n => n.PersonId);
        b.HasIndex(n => n.NomineeOrganizationId);
        b.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.NomineeOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardObjectionConfiguration : IEntityTypeConfiguration<AwardObjection>
{
    public void Configure(EntityTypeBuilder<AwardObjection> b)
    {
        b.Property(o => o.Text).HasMaxLength(AwardObjection.MaxTextLength);
        b.Property(o => o.Answer).HasMaxLength(AwardObjection.MaxTextLength);
        b.Property(o => o.FiledBy).HasMaxLength(Nomination.MaxNameLength);
        b.Property(o => o.AnsweredBy).HasMaxLength(Nomination.MaxNameLength);
        b.HasOne<Nomination>().WithMany().HasForeignKey(o => o.NominationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardRecordConfiguration : IEntityTypeConfiguration<AwardRecord>
{
    public void Configure(EntityTypeBuilder<AwardRecord> b)
    {
        b.Property(r => r.Title).HasMaxLength(AwardSelection.MaxTitleLength);
        b.Property(r => r.NomineeName).HasMaxLength(Nomination.MaxNameLength);

        // The person's and the organization's pages read their awards.
        b.HasIndex(r => r.PersonId);
        b.HasIndex(r => r.NomineeOrganizationId);
        b.HasIndex(r => r.NominationId).IsUnique();
        b.HasOne<AwardSelection>().WithMany().HasForeignKey(r => r.SelectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.NomineeOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
