using Dangjian.Data.Demo;
using Dangjian.Data.Tests.Secrecy;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dangjian.Data.Tests.Migrations;

/// <summary>
/// Enums are stored as their names, so renaming a value needs its stored rows rewritten: GlossaryEnumNames turns the
/// former names (群众 "Masses" and "MassRepresentatives", 党员 "PartyMembers") into the new ones, and back when reverted.
/// </summary>
public sealed class GlossaryEnumNamesMigrationTests
{
    private const string Migration = "GlossaryEnumNames";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task StoredFormerNames_BecomeTheNewNames_AndRevertingRestoresThem(DatabaseProvider provider)
    {
        await using var database = provider == DatabaseProvider.Sqlite ? await SqliteSecrecyDatabase.CreateAsync() : await PostgresSecrecyDatabase.CreateAsync();
        await using var db = database.Open();
        var seeded = await DemoDistrict.SeedAsync(db, new DateOnly(2026, 11, 23));
        var project = new ElectionProject { OrganizationId = seeded.SampleBranchId, Title = "换届", TermNumber = 1, OpenedAt = DateTimeOffset.UtcNow };
        project.Bodies.Add(new ElectionBody { Kind = BodyKind.Committee, Seats = 5 });
        db.ElectionProjects.Add(project);
        await db.SaveChangesAsync();
        var round = new ElectionRound { ProjectId = project.Id, BodyId = project.Bodies[0].Id, Title = "群众推荐", Mode = ElectionMode.Recommendation, Electorate = Electorate.Residents };
        db.ElectionRounds.Add(round);
        await db.SaveChangesAsync();
        var residentGroups = await db.EvaluationGroups.CountAsync(g => g.Kind == EvaluatorKind.ResidentRepresentatives);
        var memberGroups = await db.EvaluationGroups.CountAsync(g => g.Kind == EvaluatorKind.Members);
        Assert.True(residentGroups > 0 && memberGroups > 0, "the demo has 群众代表 and 党员 evaluator groups");

        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();

        // Reverted: the rows hold the former names, as a database written before the rename does.
        await migrator.MigrateAsync(migrations[index - 1]);
        Assert.Equal(["Masses"], await db.Database.SqlQuery<string>($"""SELECT "Electorate" AS "Value" FROM "ElectionRounds" WHERE "Id" = {round.Id}""").ToListAsync());
        Assert.Equal(residentGroups, await Count(db, "MassRepresentatives"));
        Assert.Equal(memberGroups, await Count(db, "PartyMembers"));
        Assert.Equal(0, await Count(db, "ResidentRepresentatives") + await Count(db, "Members"));

        // Migrated: the former names are read as the new values, and none is left.
        await migrator.MigrateAsync(migrations[index]);
        db.ChangeTracker.Clear();
        Assert.Equal(Electorate.Residents, (await db.ElectionRounds.SingleAsync(r => r.Id == round.Id)).Electorate);
        Assert.Equal(residentGroups, await db.EvaluationGroups.CountAsync(g => g.Kind == EvaluatorKind.ResidentRepresentatives));
        Assert.Equal(memberGroups, await db.EvaluationGroups.CountAsync(g => g.Kind == EvaluatorKind.Members));
        Assert.Equal(0, await Count(db, "MassRepresentatives") + await Count(db, "PartyMembers"));
    }

    private static Task<int> Count(DangjianDbContext db, string kind) =>
        db.Database.SqlQuery<int>($"""SELECT CAST(COUNT(*) AS INTEGER) AS "Value" FROM "EvaluationGroups" WHERE "Kind" = {kind}""").SingleAsync();
}
