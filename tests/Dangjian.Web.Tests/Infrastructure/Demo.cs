using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>Facts about the demo district the tests lean on, looked up rather than assumed.</summary>
public static class Demo
{
    public const string DistrictAdmin = "admin";
    public const string OrgAdminA = "orgadmin.a";
    public const string OrgAdminB = "orgadmin.b";
    public const string Secretary = "secretary";
    public const string Member = "member";
    public const string Supervisor = "supervisor";

    /// <summary>Township A (orgadmin.a's) and B (orgadmin.b's), and a branch under each.</summary>
    public sealed record Townships(int A, int B, int BranchOfA, int BranchOfB, int PersonOfA, int PersonOfB);

    public static async Task<Townships> TownshipsAsync(this AppFixture app)
    {
        var a = await app.ScopeOrganizationOfAsync(OrgAdminA);
        var b = await app.ScopeOrganizationOfAsync(OrgAdminB);
        return await app.WithDbAsync(async db =>
        {
            var pathA = await db.Organizations.Where(o => o.Id == a).Select(o => o.Path).FirstAsync();
            var pathB = await db.Organizations.Where(o => o.Id == b).Select(o => o.Path).FirstAsync();
            var branchA = await db.Organizations.Where(o => o.Path.StartsWith(pathA) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var branchB = await db.Organizations.Where(o => o.Path.StartsWith(pathB) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var personA = await db.People.Where(p => p.OrganizationId == branchA && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var personB = await db.People.Where(p => p.OrganizationId == branchB && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            return new Townships(a, b, branchA, branchB, personA, personB);
        });
    }

    private static int _counter;

    /// <summary>A code no other test uses (upper-case, as organization codes must be).</summary>
    public static string UniqueCode(string prefix) => $"{prefix}{Environment.ProcessId % 1000}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
}
