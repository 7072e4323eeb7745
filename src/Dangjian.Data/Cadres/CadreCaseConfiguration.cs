using Dangjian.Domain.Cadres;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Cadres;

/// <summary>引咎辞职 / 责令辞职 / 免职 cases (CAD-7).</summary>
internal sealed class ExitCaseConfiguration : IEntityTypeConfiguration<ExitCase>
{
    public void Configure(EntityTypeBuilder<ExitCase> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Grounds).HasMaxLength(ExitCase.MaxGroundsLength);
        b.Property(c => c.DecidedBy).HasMaxLength(ExitCase.MaxBodyLength);
        b.Property(c => c.DecisionText).HasMaxLength(ExitCase.MaxTextLength);
        b.HasIndex(c => new { c.OrganizationId, c.Status });
        b.HasIndex(c => c.PersonId);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// 用人失察失误责任追究 (CAD-7), linked back to the selection case (选任写实) that made the appointment, when it was recorded
/// here; a selection case cannot be deleted while a case names it.
/// </summary>
internal sealed class AccountabilityCaseConfiguration : IEntityTypeConfiguration<AccountabilityCase>
{
    public void Configure(EntityTypeBuilder<AccountabilityCase> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Description).HasMaxLength(AccountabilityCase.MaxTextLength);
        b.Property(c => c.Finding).HasMaxLength(AccountabilityCase.MaxTextLength);
        b.Property(c => c.Measure).HasMaxLength(AccountabilityCase.MaxMeasureLength);

        // The people held responsible are a short list of person ids, read only with their case.
        b.PrimitiveCollection(c => c.ResponsiblePersonIds);
        b.HasIndex(c => c.SelectionCaseId);
        b.HasOne<Domain.Cadres.Selection.SelectionCase>().WithMany().HasForeignKey(c => c.SelectionCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OrganizationId, c.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
