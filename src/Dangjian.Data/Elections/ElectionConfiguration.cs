using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Elections;

internal sealed class ElectionProjectConfiguration : IEntityTypeConfiguration<ElectionProject>
{
    public void Configure(EntityTypeBuilder<ElectionProject> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Title).HasMaxLength(ElectionProject.MaxTitleLength);
        b.Property(p => p.Responsibilities).HasMaxLength(ElectionProject.MaxTextLength);
        // One open project per organization, held by the database too, so two people opening one at the same moment
        // cannot both succeed (the partial index's filter is the same SQL on SQLite and PostgreSQL).
        b.HasIndex(p => p.OrganizationId).IsUnique().HasFilter("\"ClosedAt\" IS NULL");
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Bodies).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ElectionBodyConfiguration : IEntityTypeConfiguration<ElectionBody>
{
    public void Configure(EntityTypeBuilder<ElectionBody> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.Kind }).IsUnique();
    }
}

internal sealed class ResearchRecordConfiguration : IEntityTypeConfiguration<ResearchRecord>
{
    public void Configure(EntityTypeBuilder<ResearchRecord> b)
    {
        b.Property(x => x.Reference).HasMaxLength(ResearchRecord.MaxReferenceLength);
        b.Property(x => x.Summary).HasMaxLength(ElectionProject.MaxTextLength);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TalkTargetConfiguration : IEntityTypeConfiguration<TalkTarget>
{
    public void Configure(EntityTypeBuilder<TalkTarget> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Note).HasMaxLength(ElectionProject.MaxTextLength);
        b.HasIndex(x => new { x.ProjectId, x.PersonId }).IsUnique();
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.HasIndex(x => new { x.ProjectId, x.PersonId, x.Kind }).IsUnique();
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NomineeConfiguration : IEntityTypeConfiguration<Nominee>
{
    public void Configure(EntityTypeBuilder<Nominee> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.JointNominators).HasMaxLength(Nominee.MaxNominatorsLength);
        b.Property(x => x.Profile).HasMaxLength(Nominee.MaxTextLength);
        b.Property(x => x.ReviewSummary).HasMaxLength(Nominee.MaxTextLength);
        b.Property(x => x.Statement).HasMaxLength(Nominee.MaxTextLength);
        b.HasIndex(x => new { x.BodyId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ElectionBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Checks).WithOne().HasForeignKey(c => c.NomineeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VettingCheckConfiguration : IEntityTypeConfiguration<VettingCheck>
{
    public void Configure(EntityTypeBuilder<VettingCheck> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.CheckedBy).HasMaxLength(VettingCheck.MaxByLength);
        b.Property(x => x.Note).HasMaxLength(Nominee.MaxTextLength);
        b.HasIndex(x => new { x.NomineeId, x.Kind }).IsUnique();
    }
}

internal sealed class ReportCaseConfiguration : IEntityTypeConfiguration<ReportCase>
{
    public void Configure(EntityTypeBuilder<ReportCase> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Summary).HasMaxLength(ReportCase.MaxTextLength);
        b.Property(x => x.Findings).HasMaxLength(ReportCase.MaxTextLength);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>候选人问答 (ELE-9): a voter's question, the answer and its moderation; nothing about who asked.</summary>
internal sealed class CandidateQuestionConfiguration : IEntityTypeConfiguration<CandidateQuestion>
{
    public void Configure(EntityTypeBuilder<CandidateQuestion> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Question).HasMaxLength(CandidateQuestion.MaxQuestionLength);
        b.Property(x => x.Answer).HasMaxLength(CandidateQuestion.MaxAnswerLength);
        b.Property(x => x.ModeratedBy).HasMaxLength(CandidateQuestion.MaxStaffNameLength);
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.HasIndex(x => new { x.NomineeId, x.Status });
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicSelectionConfiguration : IEntityTypeConfiguration<PublicSelection>
{
    public void Configure(EntityTypeBuilder<PublicSelection> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Post).HasMaxLength(PublicSelection.MaxPostLength);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Records).WithOne().HasForeignKey(r => r.SelectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SelectionStageRecordConfiguration : IEntityTypeConfiguration<SelectionStageRecord>
{
    public void Configure(EntityTypeBuilder<SelectionStageRecord> b)
    {
        b.Property(x => x.Summary).HasMaxLength(SelectionStageRecord.MaxTextLength);
        b.Property(x => x.Passed).HasMaxLength(SelectionStageRecord.MaxTextLength);
        b.HasIndex(x => new { x.SelectionId, x.Stage }).IsUnique();
    }
}

internal sealed class ElectionRoundConfiguration : IEntityTypeConfiguration<ElectionRound>
{
    public void Configure(EntityTypeBuilder<ElectionRound> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(ElectionRound.MaxTitleLength);
        b.Property(x => x.CandidatesJson).HasMaxLength(20_000);
        b.Property(x => x.PublishedHash).HasMaxLength(64);
        b.Ignore(x => x.BoxKey);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ElectionBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ElectionRound>().WithMany().HasForeignKey(x => x.RunoffOfRoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperBallotEntryConfiguration : IEntityTypeConfiguration<PaperBallotEntry>
{
    public void Configure(EntityTypeBuilder<PaperBallotEntry> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Content).HasMaxLength(Domain.Secrecy.SecretBallot.MaxContentLength);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RoundId, x.Teller, x.Number }).IsUnique();
        b.HasOne<ElectionRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
