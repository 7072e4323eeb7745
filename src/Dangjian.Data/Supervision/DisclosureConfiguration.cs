using Dangjian.Domain.Organizations;
using Dangjian.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Supervision;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Property(d => d.Title).HasMaxLength(Disclosure.MaxTitleLength);
        b.Property(d => d.Content).HasMaxLength(Disclosure.MaxContentLength);

        // The quarter is computed from the day; it is not a column.
        b.Ignore(d => d.Quarter);

        // The board and the archive read one organization's items by day; the quarter list reads a subtree's days.
        b.HasIndex(d => new { d.OrganizationId, d.PublishedOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
