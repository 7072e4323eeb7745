using Dangjian.Domain.Dues;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Dues;

/// <summary>Money is stored as decimal(18,2) on both providers: yuan to the fen, never binary floating point.</summary>
internal static class DuesMoney
{
    public static PropertyBuilder<T> Money<T>(this PropertyBuilder<T> property) => property.HasPrecision(18, 2);
}

internal sealed class DuesProfileConfiguration : IEntityTypeConfiguration<DuesProfile>
{
    public void Configure(EntityTypeBuilder<DuesProfile> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Base).Money();
        b.Property(p => p.Amount).Money();
        b.Property(p => p.RecordedBy).HasMaxLength(256);

        // One profile per member and starting month: setting it again for that month corrects it.
        b.HasIndex(p => new { p.PersonId, p.FromMonth }).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DuesPaymentRecordConfiguration : IEntityTypeConfiguration<DuesPaymentRecord>
{
    public void Configure(EntityTypeBuilder<DuesPaymentRecord> b)
    {
        b.Property(p => p.Paid).Money();
        b.Property(p => p.ExcusedReason).HasMaxLength(DuesPaymentRecord.MaxReasonLength);
        b.Property(p => p.RecordedBy).HasMaxLength(256);

        // The ledger reads a branch's months; /me reads one member's.
        b.HasIndex(p => new { p.OrganizationId, p.Month });
        b.HasIndex(p => new { p.PersonId, p.Month });
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityFundEntryConfiguration : IEntityTypeConfiguration<ActivityFundEntry>
{
    public void Configure(EntityTypeBuilder<ActivityFundEntry> b)
    {
        b.Property(e => e.Amount).Money();
        b.Property(e => e.Purpose).HasMaxLength(ActivityFundEntry.MaxPurposeLength);
        b.Property(e => e.Approver).HasMaxLength(ActivityFundEntry.MaxApproverLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.OrganizationId, e.On });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
