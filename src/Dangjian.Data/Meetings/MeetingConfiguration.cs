using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(Meeting.MaxTitleLength);
        b.Property(x => x.Location).HasMaxLength(Meeting.MaxTitleLength);
        b.Property(x => x.NoticeText).HasMaxLength(Meeting.MaxTextLength);
        b.Property(x => x.EmergencyReason).HasMaxLength(Meeting.MaxTextLength);
        b.HasIndex(x => new { x.OrganizationId, x.Date });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.SecretaryPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> b)
    {
        b.Property(x => x.Reason).HasMaxLength(MeetingParticipant.MaxReasonLength);
        b.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(AgendaItem.MaxTitleLength);
        b.Property(x => x.Material).HasMaxLength(Meeting.MaxTextLength);
        b.Property(x => x.QuorumProblems).HasMaxLength(200);
        b.Property(x => x.RulingText).HasMaxLength(Meeting.MaxTextLength);
        b.Property(x => x.RuledBy).HasMaxLength(256);
        b.Property(x => x.FollowUp).HasMaxLength(Meeting.MaxTextLength);
        b.HasIndex(x => new { x.MeetingId, x.Order }).IsUnique();
        b.HasIndex(x => x.Status);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.InChargePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.RulingOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Speeches).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Votes).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.FinalOutcome);
        b.Ignore(x => x.BoxKey);
    }
}

internal sealed class ItemSpeechConfiguration : IEntityTypeConfiguration<ItemSpeech>
{
    public void Configure(EntityTypeBuilder<ItemSpeech> b)
    {
        b.Property(x => x.Summary).HasMaxLength(ItemSpeech.MaxSummaryLength);
        b.HasIndex(x => new { x.ItemId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.ItemId, x.PersonId }).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItemVoteConfiguration : IEntityTypeConfiguration<ItemVote>
{
    public void Configure(EntityTypeBuilder<ItemVote> b)
    {
        b.HasIndex(x => new { x.ItemId, x.PersonId }).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Text).HasMaxLength(MeetingMinutes.MaxTextLength);
        b.Property(x => x.SignedBy).HasMaxLength(256);
        b.Property(x => x.CorrectionReason).HasMaxLength(Meeting.MaxTextLength);
        // MTG-8: no two minutes of an organization share a number in a year (revisions of one share it, each once);
        // the database holds it, so two signings at the same moment cannot both take a number.
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Number, x.Revision }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
        b.HasIndex(x => new { x.MeetingId, x.Revision }).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Display);
    }
}

internal sealed class MeetingSettingsConfiguration : IEntityTypeConfiguration<MeetingSettings>
{
    public void Configure(EntityTypeBuilder<MeetingSettings> b)
    {
        b.HasKey(x => x.OrganizationId);
        b.Property(x => x.OrganizationId).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItemAttachmentConfiguration : IEntityTypeConfiguration<ItemAttachment>
{
    public void Configure(EntityTypeBuilder<ItemAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(ItemAttachment.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(ItemAttachment.MaxContentTypeLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.ItemId);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
