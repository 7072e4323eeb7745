using Dangjian.Domain.Secrecy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Secrecy;

// No foreign keys from these tables to anything a voter is in; none of them is in the audit log
// (DangjianDbContext.IsAudited), and SecretBallots, UnusedAccessCodes and SpentAccessCodes are WITHOUT ROWID on SQLite
// (the migration creates them so), so no hidden row number records the order of casting.

internal sealed class BallotBoxConfiguration : IEntityTypeConfiguration<BallotBox>
{
    public void Configure(EntityTypeBuilder<BallotBox> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(BallotBox.MaxKeyLength);
    }
}

internal sealed class UnusedAccessCodeConfiguration : IEntityTypeConfiguration<UnusedAccessCode>
{
    public void Configure(EntityTypeBuilder<UnusedAccessCode> b)
    {
        b.HasKey(x => new { x.BoxKey, x.CodeHash });
        b.Property(x => x.BoxKey).HasMaxLength(BallotBox.MaxKeyLength);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.HasOne<BallotBox>().WithMany().HasForeignKey(x => x.BoxKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpentAccessCodeConfiguration : IEntityTypeConfiguration<SpentAccessCode>
{
    public void Configure(EntityTypeBuilder<SpentAccessCode> b)
    {
        b.HasKey(x => new { x.BoxKey, x.CodeHash });
        b.Property(x => x.BoxKey).HasMaxLength(BallotBox.MaxKeyLength);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.HasOne<BallotBox>().WithMany().HasForeignKey(x => x.BoxKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecretBallotConfiguration : IEntityTypeConfiguration<SecretBallot>
{
    public void Configure(EntityTypeBuilder<SecretBallot> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.BoxKey).HasMaxLength(BallotBox.MaxKeyLength);
        b.Property(x => x.Content).HasMaxLength(SecretBallot.MaxContentLength);
        b.Property(x => x.Receipt).HasMaxLength(AccessCode.ReceiptLength);
        b.HasIndex(x => new { x.BoxKey, x.Receipt }).IsUnique();
        b.HasOne<BallotBox>().WithMany().HasForeignKey(x => x.BoxKey).OnDelete(DeleteBehavior.Cascade);
    }
}
