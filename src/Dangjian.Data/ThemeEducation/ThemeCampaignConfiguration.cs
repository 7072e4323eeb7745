using Dangjian.Domain.Organizations;
using Dangjian.Domain.ThemeEducation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.ThemeEducation;

internal sealed class ThemeCampaignConfiguration : IEntityTypeConfiguration<ThemeCampaign>
{
    public void Configure(EntityTypeBuilder<ThemeCampaign> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Title).HasMaxLength(ThemeCampaign.MaxTitleLength);
        b.Property(c => c.Theme).HasMaxLength(ThemeCampaign.MaxThemeLength);
        b.HasIndex(c => c.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // A phase belongs to its campaign; removing it in draft deletes it (and its activities) with the campaign's save.
        b.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.OrderedPhases);
        b.Ignore(c => c.Activities);
    }
}

internal sealed class ThemePhaseConfiguration : IEntityTypeConfiguration<ThemePhase>
{
    public void Configure(EntityTypeBuilder<ThemePhase> b)
    {
        b.ToTable("ThemePhases");
        b.Property(p => p.Name).HasMaxLength(ThemePhase.MaxNameLength);
        b.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PhaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequiredActivityConfiguration : IEntityTypeConfiguration<RequiredActivity>
{
    public void Configure(EntityTypeBuilder<RequiredActivity> b)
    {
        b.ToTable("ThemeRequiredActivities");
        b.Property(a => a.Title).HasMaxLength(RequiredActivity.MaxTitleLength);
    }
}

internal sealed class ActivityReportConfiguration : IEntityTypeConfiguration<ActivityReport>
{
    public void Configure(EntityTypeBuilder<ActivityReport> b)
    {
        b.ToTable("ThemeActivityReports");
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Note).HasMaxLength(ActivityReport.MaxNoteLength);
        b.Property(r => r.Items).HasMaxLength(ActivityReport.MaxItemsLength);
        b.Ignore(r => r.Lines);

        // One report per organization and activity; a second one corrects the first.
        b.HasIndex(r => new { r.ActivityId, r.OrganizationId }).IsUnique();
        b.HasIndex(r => new { r.CampaignId, r.OrganizationId });
        b.HasOne<ThemeCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RequiredActivity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
