using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Teams;

internal sealed class LeadershipTeamConfiguration : IEntityTypeConfiguration<LeadershipTeam>
{
    public void Configure(EntityTypeBuilder<LeadershipTeam> b)
    {
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.OrganizationId, t.TermNumber }).IsUnique();
        b.HasIndex(t => t.EndsOn);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Positions).WithOne().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamPositionConfiguration : IEntityTypeConfiguration<TeamPosition>
{
    public void Configure(EntityTypeBuilder<TeamPosition> b)
    {
        b.Property(p => p.Portfolio).HasMaxLength(TeamPosition.MaxPortfolioLength);
        b.HasIndex(p => p.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
