using Dangjian.Domain.Organizations;
using Dangjian.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Surveys;

// A survey's responses are not here: they are secret ballots in the box "Survey/{id}" (Data/Secrecy), with no key
// from these tables to them.

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Title).HasMaxLength(Survey.MaxTitleLength);
        b.Property(s => s.Description).HasMaxLength(Survey.MaxDescriptionLength);
        b.Property(s => s.Status);
        b.Property(s => s.Access);
        b.Property(s => s.TargetKind);
        b.Property(s => s.OpenTokenHash).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.OpenTokenHash).IsUnique();
        b.HasIndex(s => new { s.OrganizationId, s.Status });
        b.HasIndex(s => new { s.TargetKind, s.TargetId });
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.BoxKey);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(SurveyQuestion.MaxTextLength);
        b.Property(q => q.Kind);
        b.Property(q => q.OptionsJson).HasMaxLength(8000);
        b.Ignore(q => q.Options);
        b.HasIndex(q => new { q.SurveyId, q.Order });
    }
}
