using System.Text.Json;
using System.Text.Json.Serialization;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Commitments;

internal sealed class CommitmentCampaignConfiguration : IEntityTypeConfiguration<CommitmentCampaign>
{
    /// <summary>The stored rule data's longest JSON: a few numbers, two shares and up to three level names.</summary>
    public const int MaxRulesJsonLength = 1000;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<CommitmentCampaign> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Title).HasMaxLength(CommitmentCampaign.MaxTitleLength);

        // Rule data as one JSON text column, as evaluation campaigns keep their criteria and grades: the rules of a
        // campaign are read and written whole, never queried piece by piece. Compared by their JSON, since the levels
        // are a list (a record compares lists by reference).
        b.Property(c => c.Rules)
            .HasConversion(
                r => JsonSerializer.Serialize(r, Json),
                s => JsonSerializer.Deserialize<CommitmentRules>(s, Json) ?? CommitmentRules.Default,
                new ValueComparer<CommitmentRules>(
                    (x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
                    r => JsonSerializer.Serialize(r, Json).GetHashCode(StringComparison.Ordinal),
                    r => r))
            .HasColumnName("RulesJson")
            .HasMaxLength(MaxRulesJsonLength);
        b.HasIndex(c => new { c.OrganizationId, c.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.AcceptsSubmissions);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Content).HasMaxLength(Commitment.MaxContentLength);
        b.Property(c => c.Measures).HasMaxLength(Commitment.MaxMeasuresLength);
        b.Property(c => c.ResponsibleName).HasMaxLength(Commitment.MaxNameLength);
        b.Property(c => c.SubmittedBy).HasMaxLength(256);

        // The ledger (台账) filters a campaign's items by status, an owner's items, and items by deadline.
        b.HasIndex(c => new { c.CampaignId, c.Status });
        b.HasIndex(c => c.OwnerPersonId);
        b.HasIndex(c => c.OwnerOrganizationId);
        b.HasIndex(c => c.Deadline);
        b.HasOne<CommitmentCampaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Progress).WithOne().HasForeignKey(p => p.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.SupervisorComments).WithOne().HasForeignKey(s => s.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Evaluations).WithOne().HasForeignKey(e => e.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.IsEditable);
        b.Ignore(c => c.InFulfilment);
        b.Ignore(c => c.LastEvaluation);
        b.Ignore(c => c.DueDate);
        b.Ignore(c => c.IsLagging);
    }
}

internal sealed class CommitmentDecisionConfiguration : IEntityTypeConfiguration<CommitmentDecision>
{
    public void Configure(EntityTypeBuilder<CommitmentDecision> b)
    {
        b.Property(d => d.Comment).HasMaxLength(Commitment.MaxCommentLength);
        b.Property(d => d.By).HasMaxLength(256);
        b.HasIndex(d => d.CommitmentId);
    }
}

internal sealed class FulfilmentRecordConfiguration : IEntityTypeConfiguration<FulfilmentRecord>
{
    public void Configure(EntityTypeBuilder<FulfilmentRecord> b)
    {
        b.Property(p => p.Steps).HasMaxLength(FulfilmentRecord.MaxTextLength);
        b.Property(p => p.ResponsibleUnit).HasMaxLength(FulfilmentRecord.MaxUnitLength);
        b.Property(p => p.ResponsiblePerson).HasMaxLength(Commitment.MaxNameLength);
        b.Property(p => p.Result).HasMaxLength(FulfilmentRecord.MaxTextLength);
        b.Property(p => p.RecordedBy).HasMaxLength(256);
        b.HasIndex(p => p.CommitmentId);
    }
}

internal sealed class SupervisorCommentConfiguration : IEntityTypeConfiguration<SupervisorComment>
{
    public void Configure(EntityTypeBuilder<SupervisorComment> b)
    {
        b.Property(s => s.SupervisorName).HasMaxLength(CommitmentSupervisor.MaxNameLength);
        b.Property(s => s.Text).HasMaxLength(Commitment.MaxCommentLength);
        b.HasIndex(s => s.CommitmentId);
        b.HasOne<CommitmentSupervisor>().WithMany().HasForeignKey(s => s.SupervisorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentEvaluationConfiguration : IEntityTypeConfiguration<CommitmentEvaluation>
{
    public void Configure(EntityTypeBuilder<CommitmentEvaluation> b)
    {
        b.Property(e => e.RectificationMeasures).HasMaxLength(Commitment.MaxMeasuresLength);
        b.Property(e => e.By).HasMaxLength(256);
        b.HasIndex(e => new { e.CommitmentId, e.Round }).IsUnique();
        b.Ignore(e => e.Tally);
    }
}

/// <summary>
/// Collected opinions, some anonymous (意见箱): a random key never generated by the database or in order (Npgsql would make
/// a time-ordered UUIDv7), no column naming or timing a sender of the suggestion box, no row audit, and WITHOUT ROWID on
/// SQLite (the migration creates the table so), so no hidden row number keeps the order they came in.
/// </summary>
internal sealed class CommitmentOpinionConfiguration : IEntityTypeConfiguration<CommitmentOpinion>
{
    public void Configure(EntityTypeBuilder<CommitmentOpinion> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Text).HasMaxLength(CommitmentOpinion.MaxTextLength);
        b.Property(o => o.SubmitterName).HasMaxLength(Commitment.MaxNameLength);
        b.HasIndex(o => o.CampaignId);
        b.HasOne<CommitmentCampaign>().WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentSupervisorConfiguration : IEntityTypeConfiguration<CommitmentSupervisor>
{
    public void Configure(EntityTypeBuilder<CommitmentSupervisor> b)
    {
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Name).HasMaxLength(CommitmentSupervisor.MaxNameLength);
        b.HasIndex(s => s.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentEvidenceFileConfiguration : IEntityTypeConfiguration<CommitmentEvidenceFile>
{
    public void Configure(EntityTypeBuilder<CommitmentEvidenceFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(CommitmentEvidenceFile.MaxFileNameLength);
        b.Property(f => f.ContentType).HasMaxLength(CommitmentEvidenceFile.MaxContentTypeLength);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasIndex(f => f.CommitmentId);
        b.HasOne<Commitment>().WithMany().HasForeignKey(f => f.CommitmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentFilingConfiguration : IEntityTypeConfiguration<CommitmentFiling>
{
    public void Configure(EntityTypeBuilder<CommitmentFiling> b)
    {
        b.Property(f => f.Note).HasMaxLength(CommitmentFiling.MaxNoteLength);
        b.Property(f => f.FiledBy).HasMaxLength(256);
        b.HasIndex(f => new { f.CampaignId, f.OrganizationId });
        b.HasIndex(f => f.FiledWithOrganizationId);
        b.HasOne<CommitmentCampaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.FiledWithOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentObjectionConfiguration : IEntityTypeConfiguration<CommitmentObjection>
{
    public void Configure(EntityTypeBuilder<CommitmentObjection> b)
    {
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Property(o => o.Text).HasMaxLength(CommitmentObjection.MaxTextLength);
        b.Property(o => o.FiledBy).HasMaxLength(CommitmentObjection.MaxNameLength);
        b.Property(o => o.Answer).HasMaxLength(CommitmentObjection.MaxTextLength);
        b.Property(o => o.AnsweredBy).HasMaxLength(256);
        b.HasIndex(o => o.CampaignId);
        b.HasOne<CommitmentCampaign>().WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commitment>().WithMany().HasForeignKey(o => o.CommitmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentSelfReportConfiguration : IEntityTypeConfiguration<CommitmentSelfReport>
{
    public void Configure(EntityTypeBuilder<CommitmentSelfReport> b)
    {
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Text).HasMaxLength(CommitmentSelfReport.MaxTextLength);
        b.Property(r => r.SubmittedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.CampaignId, r.PersonId, r.OrganizationId }).IsUnique();
        b.HasOne<CommitmentCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
