using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.E2E.Elections;

/// <summary>What the election browser tests set up outside the pages: a branch of township A of their own with members.</summary>
internal static class ElectionSeed
{
    /// <summary>Creates the branch (code and name made unique by the caller) and full members of the given names on its roll.</summary>
    public static async Task<(int OrgId, List<int> People)> BranchWithMembersAsync(this BrowserApp app, string code, string name, IReadOnlyList<string> names)
    {
        var tree = await app.TreeOfAsync(DemoFacts.OrgAdminA);
        var orgId = await app.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<OrganizationCommands>()
            .CreateAsync(new CreateOrganizationRequest(code, name, OrganizationKind.Branch, tree.Root().Id)));
        var people = await app.WithDbAsync(async db =>
        {
            var rows = names.Select(n => new Person
            {
                Name = n, Gender = Gender.Female, BirthDate = new DateOnly(1985, 3, 1), Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2010, 7, 1), OrganizationId = orgId,
            }).ToList();
            db.People.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        return (orgId, people);
    }
}
