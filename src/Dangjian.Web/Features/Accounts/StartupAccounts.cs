using Dangjian.Data;
using Dangjian.Data.Accounts;
using Dangjian.Data.Demo;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Accounts;

/// <summary>A demo sign-in, printed at start-up in demo mode only.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, AccountRole Role, string Scope);

/// <summary>
/// What the first start needs: in demo mode, the demo district and one account per role (passwords
/// exist only in demo mode); otherwise, optionally, a first district admin from settings.
/// </summary>
public static class StartupAccounts
{
    /// <summary>The one demo password. Demo mode only; never valid on a real installation because these accounts never exist there.</summary>
    public const string DemoPassword = "Demo2026dangjian";

    public static async Task EnsureAsync(IServiceProvider services, IHostApplicationLifetime lifetime)
    {
        var options = services.GetRequiredService<IOptions<DangjianOptions>>().Value;
        var db = services.GetRequiredService<DangjianDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var time = services.GetRequiredService<TimeProvider>();
        var server = services.GetService<IServer>();

        if (options.Demo)
        {
            if (await DemoDistrict.IsEmptyAsync(db))
            {
                var today = services.GetRequiredService<OrgClock>().Today;
                var seeded = await DemoDistrict.SeedAsync(db, today);
                await CreateDemoAccountsAsync(db, users, seeded, time);
            }

            var accounts = await DemoAccountsAsync(db);
            lifetime.ApplicationStarted.Register(() => Print(server, accounts));
            return;
        }

        lifetime.ApplicationStarted.Register(() => Print(server, null));
        if (options.BootstrapAdminUserName is { Length: > 0 } name && options.BootstrapAdminPassword is { Length: > 0 } password
                 && !await db.Users.AnyAsync())
        {
            var root = await db.Organizations.FirstOrDefaultAsync(o => o.ParentId == null);
            if (root is null)
            {
                root = new Organization { Code = "D01", Name = "区委", Kind = OrganizationKind.DistrictCommittee, Path = "/" };
                db.Organizations.Add(root);
                await db.SaveChangesAsync();
                root.Path = OrganizationTree.PathOf(null, root.Id);
                await db.SaveChangesAsync();
            }

            await CreateAsync(db, users, name, name, password, null, AccountRole.DistrictAdmin, root.Id, time);
        }
    }

    private static async Task CreateDemoAccountsAsync(DangjianDbContext db, UserManager<AppUser> users, DemoSeedResult seeded, TimeProvider time)
    {
        await CreateAsync(db, users, "admin", "组织部管理员", DemoPassword, null, AccountRole.DistrictAdmin, seeded.DistrictId, time);
        await CreateAsync(db, users, "orgadmin.a", "甲镇组织管理员", DemoPassword, null, AccountRole.OrgAdmin, seeded.TownshipIds[0], time);
        await CreateAsync(db, users, "orgadmin.b", "乙镇组织管理员", DemoPassword, null, AccountRole.OrgAdmin, seeded.TownshipIds[1], time);
        await CreateAsync(db, users, "secretary", "支部书记", DemoPassword, seeded.SampleSecretaryPersonId, AccountRole.Secretary, seeded.SampleBranchId, time);
        await CreateAsync(db, users, "member", "党员", DemoPassword, seeded.SampleMemberPersonId, AccountRole.Member, seeded.SampleBranchId, time);
        await CreateAsync(db, users, "supervisor", "监督员", DemoPassword, seeded.SampleSupervisorPersonId, AccountRole.Supervisor, seeded.DistrictId, time);
    }

    /// <summary>Creates an account with one role through Identity (password hashing and rules are Identity's).</summary>
    public static async Task<AppUser> CreateAsync(
        DangjianDbContext db, UserManager<AppUser> users, string userName, string displayName, string password, int? personId, AccountRole role, int organizationId, TimeProvider time)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName, PersonId = personId, CreatedAt = time.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganizationId = organizationId });
        await db.SaveChangesAsync();
        return user;
    }

    private static async Task<IReadOnlyList<DemoAccount>> DemoAccountsAsync(DangjianDbContext db) =>
        (await db.RoleAssignments.AsNoTracking()
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.UserName, u.DisplayName, r.Role, r.OrganizationId })
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new DemoAccount(x.UserName!, x.DisplayName, x.Role, o.Name))
            .ToListAsync())
            .OrderBy(a => a.Role).ThenBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();

    private static void Print(IServer? server, IReadOnlyList<DemoAccount>? accounts)
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Dangjian is running on: " + string.Join(", ", addresses));
        if (accounts is null)
        {
            return;
        }

        Console.WriteLine("DEMO MODE — fictional district. Demo sign-ins (password for all: " + DemoPassword + "):");
        foreach (var a in accounts)
        {
            Console.WriteLine($"  {a.UserName,-12} {a.Role,-14} {a.Scope}");
        }

        Console.WriteLine("Set Dangjian__Demo=false to start without demo data.");
        Console.WriteLine();
    }
}
