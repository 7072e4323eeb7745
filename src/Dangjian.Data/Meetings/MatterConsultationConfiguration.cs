using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Meetings;

internal sealed class RaisedMatterConfiguration : IEntityTypeConfiguration<RaisedMatter>
{
    public void Configure(EntityTypeBuilder<RaisedMatter> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(RaisedMatter.MaxTitleLength);
        b.Property(x => x.Reason).HasMaxLength(RaisedMatter.MaxReasonLength);
        b.Property(x => x.DeclineReason).HasMaxLength(RaisedMatter.MaxReasonLength);
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.RaisedByPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Subject).HasMaxLength(Consultation.MaxSubjectLength);
        b.Property(x => x.HearingSummary).HasMaxLength(Consultation.MaxSummaryLength);
        b.HasIndex(x => x.AgendaItemId).IsUnique();
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ExpertOpinions).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> b)
    {
        b.Property(x => x.Text).HasMaxLength(ConsultationComment.MaxTextLength);
    }
}

internal sealed class ExpertOpinionConfiguration : IEntityTypeConfiguration<ExpertOpinion>
{
    public void Configure(EntityTypeBuilder<ExpertOpinion> b)
    {
        b.Property(x => x.ExpertName).HasMaxLength(ExpertOpinion.MaxNameLength);
        b.Property(x => x.Field).HasMaxLength(ExpertOpinion.MaxNameLength);
        b.Property(x => x.Opinion).HasMaxLength(Consultation.MaxSummaryLength);
    }
}
