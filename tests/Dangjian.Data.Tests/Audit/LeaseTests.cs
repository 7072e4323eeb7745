using Dangjian.Data.Audit;
using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Audit;

/// <summary>
/// The app pools its contexts (HostSetup): a context one request used is handed to the next with
/// <see cref="DangjianDbContext.Lease"/>. Whatever the first holder queued and never saved must not reach the second
/// holder's save, and the second's audit entries carry the second's name.
/// </summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task Lease_TheNextHolderSavesUnderItsOwnName_AndNothingTheOneBeforeQueued()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            db.Lease(new FixedAuditActor("first"), TimeProvider.System);
            db.AddAuditEvent("Test.Queued", "Test", "1", null);
            db.AuditAction = "Test.Named";

            db.Lease(new FixedAuditActor("second"), TimeProvider.System);
            var org = new Organization { Code = "L01", Name = "租用支部", Kind = OrganizationKind.Branch };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Name = "租用支部（改）";
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Organization) || e.EntityType == "Test").ToListAsync();
            Assert.DoesNotContain(entries, e => e.Action == "Test.Queued" || e.Action == "Test.Named");
            var mine = entries.Where(e => e.Actor == "second").ToList();
            Assert.Equal(2, mine.Count); // the insert and the plain update ("Updated", not the first holder's action name)
            Assert.DoesNotContain(entries, e => e.Actor == "first");
        }
    }
}
