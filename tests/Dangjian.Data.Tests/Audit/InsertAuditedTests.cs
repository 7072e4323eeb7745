using Dangjian.Data.Tests.Secrecy;
using Dangjian.Domain.Audit;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Audit;

/// <summary>
/// The bulk insert of a province's roster (InsertAuditedAsync) against the ordinary save, on both providers: the rows
/// read back as saved, each has the audit entry a save would have written for it, the chain verifies, and a row a
/// unique index refuses fails like a save and leaves nothing once rolled back.
/// </summary>
public abstract class InsertAuditedTests
{
    protected abstract Task<ISecrecyDatabase> CreateAsync();

    [Fact]
    public async Task InsertAudited_WritesTheRowsAndTheEntriesASaveWould_AndTheChainVerifies()
    {
        await using var database = await CreateAsync();
        await using (var db = database.Open())
        {
            var branch = await BranchAsync(db);
            db.People.Add(Sample(branch.Id, "张保存", "110101199003070011"));
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAuditedAsync<Person>([Sample(branch.Id, "张批量", "110101199003070038"), Sample(branch.Id, "李批量", null)], CancellationToken.None);
            await db.SaveChangesAsync(); // an ordinary save after the bulk chains onto it
            db.AddAuditEvent("Test.After", "Test", "1", null);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await using (var db = database.Open())
        {
            var people = await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(["张保存", "张批量", "李批量"], people.Select(p => p.Name));
            Assert.Equal(people.Select(p => p.Id).Distinct().Count(), people.Count);
            var bulk = people[1];
            Assert.Equal("110101199003070038", bulk.IdNumber);
            Assert.Equal(new DateOnly(1990, 3, 7), bulk.BirthDate);
            Assert.Equal(MemberStatus.Full, bulk.Status);
            Assert.True(bulk.IsCadre);
            Assert.Null(people[2].IdNumber);

            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Person").OrderBy(a => a.Sequence).ToListAsync();
            Assert.Equal(people.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.EntityId));
            Assert.All(entries, e => Assert.Equal("Created", e.Action));
            // The same snapshot as the save wrote (ID number masked), but for the fields that differ between the two people.
            Assert.Equal(Normalize(entries[0].After!, people[0]), Normalize(entries[1].After!, people[1]));
            Assert.DoesNotContain("110101199003070038", entries[1].After, StringComparison.Ordinal);
            Assert.Null(AuditChain.Verify(await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync()));
            Assert.Equal("Test.After", (await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync()).Action);

            // Keys handed out by the bulk are never handed out again.
            db.People.Add(Sample(people[0].OrganizationId, "王之后", null));
            await db.SaveChangesAsync();
            Assert.True(await db.People.MaxAsync(p => p.Id) > people[^1].Id);
        }
    }

    [Fact]
    public async Task InsertAudited_ADuplicateIdNumber_FailsAsASaveWould_AndTheRollbackLeavesNothing()
    {
        await using var database = await CreateAsync();
        await using var db = database.Open();
        var branch = await BranchAsync(db);
        db.People.Add(Sample(branch.Id, "张保存", "110101199003070011"));
        await db.SaveChangesAsync();
        var people = await db.People.CountAsync();
        var audit = await db.AuditEntries.CountAsync();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAuditedAsync<Person>([Sample(branch.Id, "张批量", "110101199003070038")], CancellationToken.None);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.InsertAuditedAsync<Person>([Sample(branch.Id, "张重复", "110101199003070011")], CancellationToken.None));
            await tx.RollbackAsync();
        }

        Assert.Equal(people, await db.People.CountAsync());
        Assert.Equal(audit, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task InsertAudited_OutsideATransaction_IsRefused()
    {
        await using var database = await CreateAsync();
        await using var db = database.Open();
        var branch = await BranchAsync(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAuditedAsync<Person>([Sample(branch.Id, "张批量", null)], CancellationToken.None));
        Assert.Equal(0, await db.People.CountAsync());
    }

    private static Person Sample(int organizationId, string name, string? idNumber) => new()
    {
        Name = name,
        IdNumber = idNumber,
        Gender = Gender.Male,
        BirthDate = new DateOnly(1990, 3, 7),
        Status = MemberStatus.Full,
        JoinedPartyOn = new DateOnly(2015, 7, 1),
        OrganizationId = organizationId,
        Ethnicity = "汉族",
        Phone = "13800000000",
        IsCadre = true,
    };

    /// <summary>The snapshot with the person's own id, name and ID number taken out, the rest as written.</summary>
    private static string Normalize(string after, Person p) => after
        .Replace($"\"Id\":{p.Id}", "\"Id\":0", StringComparison.Ordinal)
        .Replace(p.Name, "NAME", StringComparison.Ordinal)
        .Replace(IdNumber.Mask(p.IdNumber), "MASKED", StringComparison.Ordinal);

    private static async Task<Organization> BranchAsync(DangjianDbContext db)
    {
        var branch = new Organization { Code = "B01", Name = "第一支部", Kind = OrganizationKind.Branch };
        db.Organizations.Add(branch);
        await db.SaveChangesAsync();
        branch.Path = $"/{branch.Id}/";
        await db.SaveChangesAsync();
        return branch;
    }
}

public sealed class SqliteInsertAuditedTests : InsertAuditedTests
{
    protected override Task<ISecrecyDatabase> CreateAsync() => SqliteSecrecyDatabase.CreateAsync();
}

public sealed class PostgresInsertAuditedTests : InsertAuditedTests
{
    protected override Task<ISecrecyDatabase> CreateAsync() => PostgresSecrecyDatabase.CreateAsync();
}
