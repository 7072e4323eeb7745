using Dangjian.Domain.Delegates;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Delegates;

/// <summary>党代会届次 (DEL-1): one organization's congresses, by number.</summary>
internal sealed class CongressTermConfiguration : IEntityTypeConfiguration<CongressTerm>
{
    public void Configure(EntityTypeBuilder<CongressTerm> b)
    {
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.OrganizationId, t.Number }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>代表团 of a term.</summary>
internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Property(d => d.Name).HasMaxLength(Delegation.MaxNameLength);
        b.HasIndex(d => new { d.TermId, d.Name }).IsUnique();
        b.HasOne<CongressTerm>().WithMany().HasForeignKey(d => d.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.ConstituencyOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A delegate's seat: a person once per term (the unique index backs the rule on <see cref="DelegateSeat.Seat"/>).</summary>
internal sealed class DelegateSeatConfiguration : IEntityTypeConfiguration<DelegateSeat>
{
    public void Configure(EntityTypeBuilder<DelegateSeat> b)
    {
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Property(d => d.EndReason).HasMaxLength(DelegateSeat.MaxReasonLength);
        b.Ignore(d => d.IsServing);
        b.HasIndex(d => new { d.TermId, d.PersonId }).IsUnique();
        b.HasIndex(d => d.PersonId);
        b.HasOne<CongressTerm>().WithMany().HasForeignKey(d => d.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Delegation>().WithMany().HasForeignKey(d => d.DelegationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ElectionProject>().WithMany().HasForeignKey(d => d.ElectionProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// 提案 (DEL-2) and its children: the proposers, every round's answer and every rating, kept when the proposal goes back
/// for handling again.
/// </summary>
internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Title).HasMaxLength(Proposal.MaxTitleLength);
        b.Property(p => p.Content).HasMaxLength(Proposal.MaxContentLength);
        b.Property(p => p.FiledBy).HasMaxLength(Proposal.MaxStaffNameLength);
        b.Property(p => p.NotRegisteredReason).HasMaxLength(Proposal.MaxReasonLength);
        b.Ignore(p => p.IsPublic);

        // The list reads a term's proposals by status; the supervision list reads those in handling by deadline; a handling
        // unit reads those assigned to it.
        b.HasIndex(p => new { p.TermId, p.Status });
        b.HasIndex(p => new { p.OrganizationId, p.Status, p.Deadline });
        b.HasIndex(p => p.HandlingOrganizationId);
        b.HasOne<CongressTerm>().WithMany().HasForeignKey(p => p.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.HandlingOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Proposers).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Answers).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Ratings).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalProposerConfiguration : IEntityTypeConfiguration<ProposalProposer>
{
    public void Configure(EntityTypeBuilder<ProposalProposer> b)
    {
        b.HasIndex(p => new { p.ProposalId, p.PersonId }).IsUnique();
        b.HasIndex(p => p.PersonId);
        b.HasOne<DelegateSeat>().WithMany().HasForeignKey(p => p.DelegateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalAnswerConfiguration : IEntityTypeConfiguration<ProposalAnswer>
{
    public void Configure(EntityTypeBuilder<ProposalAnswer> b)
    {
        b.Property(a => a.Text).HasMaxLength(Proposal.MaxAnswerLength);
        b.Property(a => a.AnsweredBy).HasMaxLength(Proposal.MaxStaffNameLength);
        b.HasIndex(a => new { a.ProposalId, a.Round }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalRatingConfiguration : IEntityTypeConfiguration<ProposalRatingEntry>
{
    public void Configure(EntityTypeBuilder<ProposalRatingEntry> b)
    {
        b.ToTable("ProposalRatings");
        b.HasIndex(r => new { r.ProposalId, r.Round, r.PersonId }).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
