using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Evaluations;

internal sealed class EvaluationTemplateConfiguration : IEntityTypeConfiguration<EvaluationTemplate>
{
    public void Configure(EntityTypeBuilder<EvaluationTemplate> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(EvaluationTemplate.MaxNameLength);
        b.Property(x => x.CriteriaJson).HasMaxLength(EvaluationTemplate.MaxJsonLength);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class EvaluationCampaignConfiguration : IEntityTypeConfiguration<EvaluationCampaign>
{
    public void Configure(EntityTypeBuilder<EvaluationCampaign> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(EvaluationCampaign.MaxTitleLength);
        b.Property(x => x.CriteriaJson).HasMaxLength(EvaluationTemplate.MaxJsonLength);
        b.Property(x => x.GradesJson).HasMaxLength(EvaluationTemplate.MaxJsonLength);
        b.Property(x => x.ComponentsJson).HasMaxLength(500);
        b.Property(x => x.VetoGrade).HasMaxLength(50);
        b.Property(x => x.Announcement).HasMaxLength(EvaluationCampaign.MaxTextLength);
        b.Property(x => x.Seed).HasMaxLength(100);
        b.Property(x => x.PublicTokenHash).HasMaxLength(64);
        b.HasIndex(x => x.PublicTokenHash).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EvaluationTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EvaluationGroupConfiguration : IEntityTypeConfiguration<EvaluationGroup>
{
    public void Configure(EntityTypeBuilder<EvaluationGroup> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(EvaluationGroup.MaxNameLength);
        b.Property(x => x.PopulationNote).HasMaxLength(500);
        b.Ignore(x => x.BoxKey);
        b.HasIndex(x => new { x.CampaignId, x.Name }).IsUnique();
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluatorSampleConfiguration : IEntityTypeConfiguration<EvaluatorSample>
{
    public void Configure(EntityTypeBuilder<EvaluatorSample> b)
    {
        b.Property(x => x.Key).HasMaxLength(EvaluatorSample.MaxKeyLength);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Stratum).HasMaxLength(100);
        b.HasIndex(x => new { x.GroupId, x.Key }).IsUnique();
        b.HasOne<EvaluationGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationSubjectConfiguration : IEntityTypeConfiguration<EvaluationSubject>
{
    public void Configure(EntityTypeBuilder<EvaluationSubject> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(EvaluationSubject.MaxNameLength);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.VetoItems).HasMaxLength(2000);
        b.Ignore(x => x.Vetoed);
        b.HasIndex(x => new { x.CampaignId, x.Name }).IsUnique();
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.SubjectOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationResultConfiguration : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> b)
    {
        b.Property(x => x.Grade).HasMaxLength(50);
        b.Property(x => x.DetailJson).HasMaxLength(EvaluationTemplate.MaxJsonLength);
        b.HasIndex(x => x.SubjectId).IsUnique();
        b.HasIndex(x => x.CampaignId);
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvaluationSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationObjectionConfiguration : IEntityTypeConfiguration<EvaluationObjection>
{
    public void Configure(EntityTypeBuilder<EvaluationObjection> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Text).HasMaxLength(EvaluationObjection.MaxTextLength);
        b.Property(x => x.Answer).HasMaxLength(EvaluationObjection.MaxTextLength);
        b.Property(x => x.FiledBy).HasMaxLength(100);
        b.Property(x => x.Contact).HasMaxLength(100);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.HasIndex(x => x.CampaignId);
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvaluationSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationFollowUpConfiguration : IEntityTypeConfiguration<EvaluationFollowUp>
{
    public void Configure(EntityTypeBuilder<EvaluationFollowUp> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Measure).HasMaxLength(EvaluationFollowUp.MaxTextLength);
        b.Property(x => x.Outcome).HasMaxLength(EvaluationFollowUp.MaxTextLength);
        b.Property(x => x.Owner).HasMaxLength(100);
        b.HasIndex(x => x.SubjectId);
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvaluationSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
