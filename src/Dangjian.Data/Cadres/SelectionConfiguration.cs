using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Cadres;

/// <summary>A selection case and its children; the trace is append-only (unique sequence per case, no delete path).</summary>
internal sealed class SelectionCaseConfiguration : IEntityTypeConfiguration<SelectionCase>
{
    public void Configure(EntityTypeBuilder<SelectionCase> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Post).HasMaxLength(SelectionCase.MaxPostLength);
        b.Property(c => c.Qualifications).HasMaxLength(SelectionCase.MaxQualificationsLength);
        b.HasIndex(c => new { c.OrganizationId, c.Phase });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Trace).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Candidates).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Team).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Objections).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.IsStopped);
        b.Ignore(c => c.NextStep);
        b.Ignore(c => c.OpenObjections);
    }
}

internal sealed class SelectionTraceEntryConfiguration : IEntityTypeConfiguration<SelectionTraceEntry>
{
    public void Configure(EntityTypeBuilder<SelectionTraceEntry> b)
    {
        // Two writers appending at once both take the next sequence: the second save fails instead of forking the trace.
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        b.Property(e => e.By).HasMaxLength(SelectionTraceEntry.MaxNameLength);
        b.Property(e => e.PersonName).HasMaxLength(SelectionTraceEntry.MaxNameLength);
        b.Property(e => e.GivenBy).HasMaxLength(SelectionTraceEntry.MaxNameLength);
        b.Property(e => e.Text).HasMaxLength(SelectionTraceEntry.MaxTextLength);
        b.Property(e => e.Reason).HasMaxLength(SelectionTraceEntry.MaxReasonLength);
    }
}

internal sealed class SelectionCandidateConfiguration : IEntityTypeConfiguration<SelectionCandidate>
{
    public void Configure(EntityTypeBuilder<SelectionCandidate> b)
    {
        b.HasIndex(c => new { c.CaseId, c.PersonId }).IsUnique();
        b.Property(c => c.Name).HasMaxLength(SelectionTraceEntry.MaxNameLength);
        b.Property(c => c.LifeCircleFinding).HasMaxLength(SelectionTraceEntry.MaxTextLength);
        b.Property(c => c.SocialCircleFinding).HasMaxLength(SelectionTraceEntry.MaxTextLength);
        b.Property(c => c.Finding).HasMaxLength(SelectionTraceEntry.MaxTextLength);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionTeamMemberConfiguration : IEntityTypeConfiguration<InspectionTeamMember>
{
    public void Configure(EntityTypeBuilder<InspectionTeamMember> b)
    {
        b.HasIndex(m => new { m.CaseId, m.PersonId }).IsUnique();
        b.Property(m => m.Name).HasMaxLength(InspectionQualification.MaxNameLength);
        b.Property(m => m.CertificateNumber).HasMaxLength(InspectionQualification.MaxNumberLength);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Objections to a publicized appointment: the day received and never the time, no request data, a name only when the
/// objector gave one; not audited row by row (DangjianDbContext.IsAudited), as the entry that records an anonymous one.
/// </summary>
internal sealed class PublicityObjectionConfiguration : IEntityTypeConfiguration<PublicityObjection>
{
    public void Configure(EntityTypeBuilder<PublicityObjection> b)
    {
        b.HasIndex(o => new { o.CaseId, o.Number }).IsUnique();
        b.Property(o => o.Text).HasMaxLength(PublicityObjection.MaxTextLength);
        b.Property(o => o.SubmitterName).HasMaxLength(SelectionTraceEntry.MaxNameLength);
        b.Property(o => o.Finding).HasMaxLength(SelectionTraceEntry.MaxTextLength);
        b.Property(o => o.Answer).HasMaxLength(SelectionTraceEntry.MaxTextLength);
        b.Property(o => o.ConcludedBy).HasMaxLength(SelectionTraceEntry.MaxNameLength);
        b.Ignore(o => o.IsAnonymous);
        b.Ignore(o => o.IsOpen);
    }
}

internal sealed class InspectionQualificationConfiguration : IEntityTypeConfiguration<InspectionQualification>
{
    public void Configure(EntityTypeBuilder<InspectionQualification> b)
    {
        b.Property(q => q.Version).IsConcurrencyToken();
        b.Property(q => q.Name).HasMaxLength(InspectionQualification.MaxNameLength);
        b.Property(q => q.CertificateNumber).HasMaxLength(InspectionQualification.MaxNumberLength);
        b.HasIndex(q => q.CertificateNumber).IsUnique();
        b.HasIndex(q => new { q.PersonId, q.ExpiresOn });
        b.HasOne<Person>().WithMany().HasForeignKey(q => q.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
