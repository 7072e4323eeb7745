using Dangjian.Domain.Delegates;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Delegates;

/// <summary>例会、视察、情况通报 (DEL-3) with each delegate's attendance.</summary>
internal sealed class DelegateActivityConfiguration : IEntityTypeConfiguration<DelegateActivity>
{
    public void Configure(EntityTypeBuilder<DelegateActivity> b)
    {
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Place).HasMaxLength(DelegateActivity.MaxPlaceLength);
        b.Property(a => a.Subject).HasMaxLength(DelegateActivity.MaxSubjectLength);
        b.Property(a => a.Summary).HasMaxLength(DelegateActivity.MaxSummaryLength);

        // The term's list reads by day; a delegate's /me reads the published ones of their terms.
        b.HasIndex(a => new { a.TermId, a.HeldOn });
        b.HasIndex(a => new { a.OrganizationId, a.Published });
        b.HasOne<CongressTerm>().WithMany().HasForeignKey(a => a.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Attendance).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityAttendanceConfiguration : IEntityTypeConfiguration<ActivityAttendance>
{
    public void Configure(EntityTypeBuilder<ActivityAttendance> b)
    {
        b.ToTable("DelegateActivityAttendance");
        b.Property(a => a.AbsenceReason).HasMaxLength(DelegateActivity.MaxReasonLength);
        b.HasIndex(a => new { a.ActivityId, a.DelegateId }).IsUnique();
        b.HasIndex(a => a.DelegateId);
        b.HasOne<DelegateSeat>().WithMany().HasForeignKey(a => a.DelegateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>质询 and 罢免 (DEL-4) with their signers.</summary>
internal sealed class DelegateMotionConfiguration : IEntityTypeConfiguration<DelegateMotion>
{
    public void Configure(EntityTypeBuilder<DelegateMotion> b)
    {
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.Subject).HasMaxLength(DelegateMotion.MaxSubjectLength);
        b.Property(m => m.Grounds).HasMaxLength(DelegateMotion.MaxGroundsLength);
        b.Property(m => m.FiledBy).HasMaxLength(DelegateMotion.MaxNameLength);
        b.Property(m => m.AnswerText).HasMaxLength(DelegateMotion.MaxAnswerLength);
        b.Property(m => m.AnsweredBy).HasMaxLength(DelegateMotion.MaxNameLength);
        b.HasIndex(m => new { m.TermId, m.Status });
        b.HasIndex(m => m.OrganizationId);
        b.HasOne<CongressTerm>().WithMany().HasForeignKey(m => m.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.TargetPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(m => m.ElectionProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Signers).WithOne().HasForeignKey(x => x.MotionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MotionSignerConfiguration : IEntityTypeConfiguration<MotionSigner>
{
    public void Configure(EntityTypeBuilder<MotionSigner> b)
    {
        b.ToTable("DelegateMotionSigners");
        b.HasIndex(s => new { s.MotionId, s.PersonId }).IsUnique();
        b.HasIndex(s => s.PersonId);
        b.HasOne<DelegateSeat>().WithMany().HasForeignKey(s => s.DelegateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>述职 (DEL-4): at an activity, evaluated through an evaluation campaign.</summary>
internal sealed class WorkReportConfiguration : IEntityTypeConfiguration<WorkReport>
{
    public void Configure(EntityTypeBuilder<WorkReport> b)
    {
        b.ToTable("DelegateWorkReports");
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.ReporterName).HasMaxLength(WorkReport.MaxNameLength);
        b.Property(r => r.Post).HasMaxLength(WorkReport.MaxPostLength);
        b.Property(r => r.Subject).HasMaxLength(WorkReport.MaxSubjectLength);
        b.HasIndex(r => new { r.TermId, r.ReportedOn });
        b.HasIndex(r => r.OrganizationId);
        b.HasOne<CongressTerm>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DelegateActivity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Evaluations.EvaluationCampaign>().WithMany().HasForeignKey(r => r.EvaluationCampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
