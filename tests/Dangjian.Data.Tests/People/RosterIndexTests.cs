using Dangjian.Data.People;
using Dangjian.Data.Tests.Secrecy;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.People;

/// <summary>
/// The roster counts and the name characters (ORG-3 at a province's scale) are kept by the database's triggers on
/// People, on both providers. After every kind of change — a save, the bulk insert, an edit of each column they hold, a
/// removal and its undoing, a set-based move and a delete — they equal what People itself says, and an edit of any
/// other column leaves them alone.
/// </summary>
public abstract class RosterIndexTests
{
    protected abstract Task<ISecrecyDatabase> CreateAsync();

    [Fact]
    public async Task CountsAndNameCharacters_FollowEveryChangeOfPeople()
    {
        await using var database = await CreateAsync();
        await using var db = database.Open();
        var a = await BranchAsync(db, "A01");
        var b = await BranchAsync(db, "B01");

        db.People.AddRange(Sample(a.Id, "王建国"), Sample(a.Id, "李伟伟"), Sample(b.Id, "王芳", MemberStatus.Probationary));
        db.People.Add(Sample(b.Id, "张已删", removed: true));
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a save");

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAuditedAsync<Person>([Sample(a.Id, "赵批量"), Sample(b.Id, "钱批量", cadre: true), Sample(b.Id, "孙批删", removed: true)], CancellationToken.None);
            await tx.CommitAsync();
        }

        await AssertFollowsPeopleAsync(db, "after the bulk insert");

        var wang = await db.People.SingleAsync(p => p.Name == "王建国");
        wang.Name = "汪建国";
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a change of name");
        Assert.False(await db.PersonNameChars.AnyAsync(c => c.PersonId == wang.Id && c.Character == "王"));

        wang.OrganizationId = b.Id;
        wang.Status = MemberStatus.Probationary;
        wang.IsCadre = true;
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a move, a status and a cadre mark");

        var li = await db.People.SingleAsync(p => p.Name == "李伟伟");
        li.IsRemoved = true;
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a removal");
        li.IsRemoved = false;
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a removal is undone");

        await db.People.Where(p => p.OrganizationId == b.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganizationId, a.Id));
        await AssertFollowsPeopleAsync(db, "after a set-based move");

        await db.People.Where(p => p.Name == "赵批量" || p.Name == "孙批删").ExecuteDeleteAsync();
        await AssertFollowsPeopleAsync(db, "after a delete");
    }

    /// <summary>
    /// A province's import inserts with the insert trigger held back and fills the counts and characters set by set: they
    /// come out as the trigger's would, the trigger is back for the next save, and a rollback takes the people away and
    /// leaves the trigger as it was.
    /// </summary>
    [Fact]
    public async Task BulkInsertWithTheTriggerHeld_FillsAsTheTriggerWould_AndLeavesTheTriggerInPlace()
    {
        await using var database = await CreateAsync();
        await using var db = database.Open();
        var a = await BranchAsync(db, "A01");
        var b = await BranchAsync(db, "B01");
        db.People.AddRange(Sample(a.Id, "王建国"), Sample(b.Id, "王芳", MemberStatus.Probationary));
        await db.SaveChangesAsync();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.InsertPeopleInBulkAsync(async () =>
            {
                List<Person> batch = [Sample(a.Id, "王批量"), Sample(b.Id, "钱批钱", cadre: true), Sample(b.Id, "孙批删", removed: true), Sample(a.Id, "𠀋王", MemberStatus.Probationary)];
                await db.InsertAuditedAsync(batch, CancellationToken.None);
                return batch.Select(p => p.Id).ToList();
            }, CancellationToken.None);
            await tx.CommitAsync();
        }

        await AssertFollowsPeopleAsync(db, "after the bulk insert with the trigger held");
        Assert.Equal(6, await db.People.CountAsync());

        db.People.Add(Sample(a.Id, "李后来"));
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a save that follows it (the trigger is back)");

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.InsertPeopleInBulkAsync(async () =>
            {
                List<Person> batch = [Sample(a.Id, "周回滚")];
                await db.InsertAuditedAsync(batch, CancellationToken.None);
                return batch.Select(p => p.Id).ToList();
            }, CancellationToken.None);
            await tx.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        Assert.False(await db.People.AnyAsync(p => p.Name == "周回滚"));
        db.People.Add(Sample(b.Id, "吴回滚后"));
        await db.SaveChangesAsync();
        await AssertFollowsPeopleAsync(db, "after a rolled-back bulk insert and a save (the trigger is still there)");
    }

    [Fact]
    public async Task AnEditOfAnotherColumn_LeavesCountsAndCharactersAlone_AndARepeatedCharacterIsOneEntry()
    {
        await using var database = await CreateAsync();
        await using var db = database.Open();
        var a = await BranchAsync(db, "A01");
        var li = Sample(a.Id, "李伟伟");
        var astral = Sample(a.Id, "𠀋一");
        db.People.AddRange(li, astral);
        await db.SaveChangesAsync();
        var counts = await db.RosterCounts.AsNoTracking().ToListAsync();
        var chars = await db.PersonNameChars.AsNoTracking().OrderBy(c => c.PersonId).ThenBy(c => c.Character).ToListAsync();

        li.Phone = "13900000000";
        li.Workplace = "区委组织部";
        await db.SaveChangesAsync();

        Assert.Equivalent(counts, await db.RosterCounts.AsNoTracking().ToListAsync(), strict: true);
        Assert.Equivalent(chars, await db.PersonNameChars.AsNoTracking().OrderBy(c => c.PersonId).ThenBy(c => c.Character).ToListAsync(), strict: true);
        Assert.Equal(["伟", "李"], chars.Where(c => c.PersonId == li.Id).Select(c => c.Character).Order(StringComparer.Ordinal));
        Assert.Equal(["一", "𠀋"], chars.Where(c => c.PersonId == astral.Id).Select(c => c.Character).Order(StringComparer.Ordinal));
    }

    /// <summary>The counts and characters the triggers keep, against those computed here from People.</summary>
    private static async Task AssertFollowsPeopleAsync(DangjianDbContext db, string when)
    {
        var people = await db.People.AsNoTracking().Where(p => !p.IsRemoved).ToListAsync();
        var expectedCounts = people.GroupBy(p => (p.OrganizationId, p.Status, p.IsCadre))
            .Select(g => $"{g.Key.OrganizationId}/{g.Key.Status}/{g.Key.IsCadre}={g.Count()}").Order(StringComparer.Ordinal);
        var counts = (await db.RosterCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .Select(c => $"{c.OrganizationId}/{c.Status}/{c.IsCadre}={c.Count}").Order(StringComparer.Ordinal);
        Assert.True(expectedCounts.SequenceEqual(counts), $"{when}: counts {string.Join(", ", counts)}, expected {string.Join(", ", expectedCounts)}");

        var expectedChars = people.SelectMany(p => Characters(p.Name).Select(c => $"{c}|{p.Name}|{p.Id}|{p.OrganizationId}|{p.Status}|{p.IsCadre}"))
            .Order(StringComparer.Ordinal);
        var chars = (await db.PersonNameChars.AsNoTracking().ToListAsync())
            .Select(c => $"{c.Character}|{c.Name}|{c.PersonId}|{c.OrganizationId}|{c.Status}|{c.IsCadre}").Order(StringComparer.Ordinal);
        Assert.True(expectedChars.SequenceEqual(chars), $"{when}: name characters {string.Join(", ", chars)}, expected {string.Join(", ", expectedChars)}");
    }

    /// <summary>A name's distinct code points, as the triggers split it.</summary>
    private static IEnumerable<string> Characters(string name) => name.EnumerateRunes().Select(r => r.ToString()).Distinct(StringComparer.Ordinal);

    private static Person Sample(int organizationId, string name, MemberStatus status = MemberStatus.Full, bool cadre = false, bool removed = false) => new()
    {
        Name = name,
        Gender = Gender.Female,
        BirthDate = new DateOnly(1990, 3, 7),
        Status = status,
        JoinedPartyOn = new DateOnly(2015, 7, 1),
        OrganizationId = organizationId,
        IsCadre = cadre,
        IsRemoved = removed,
    };

    private static async Task<Organization> BranchAsync(DangjianDbContext db, string code)
    {
        var branch = new Organization { Code = code, Name = "支部" + code, Kind = OrganizationKind.Branch };
        db.Organizations.Add(branch);
        await db.SaveChangesAsync();
        branch.Path = $"/{branch.Id}/";
        await db.SaveChangesAsync();
        return branch;
    }
}

public sealed class SqliteRosterIndexTests : RosterIndexTests
{
    protected override Task<ISecrecyDatabase> CreateAsync() => SqliteSecrecyDatabase.CreateAsync();
}

public sealed class PostgresRosterIndexTests : RosterIndexTests
{
    protected override Task<ISecrecyDatabase> CreateAsync() => PostgresSecrecyDatabase.CreateAsync();
}
