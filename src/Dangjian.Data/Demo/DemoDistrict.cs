using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Demo;

/// <summary>What <see cref="DemoDistrict.SeedAsync"/> made, with a few ids a demo or a test can start from.</summary>
public sealed record DemoSeedResult(
    int DistrictId,
    IReadOnlyList<int> TownshipIds,
    int SampleBranchId,
    int SampleMemberPersonId,
    int SampleSecretaryPersonId,
    int OrganizationCount,
    int PeopleCount,
    int SampleSupervisorPersonId);

/// <summary>
/// A made-up district (青川区委) for demos and tests: 10 townships and streets, 227 branches, 党总支 and
/// 党小组, about 6,000 members and 300 residents, leadership teams with terms (some ending soon, a few
/// overdue), 300–400 units, a few of them with no organization, and the year's 三会一课 meetings with some signed
/// minutes (<see cref="DemoMeetings"/>). The same <c>today</c> always gives
/// the same district.
/// </summary>
public static class DemoDistrict
{
    /// <summary>The action recorded in the audit log when a new organization's path is filled in after its id is known.</summary>
    public const string PathAssignedAction = "Organization.PathAssigned";

    /// <summary>True when the database has no organizations yet.</summary>
    public static async Task<bool> IsEmptyAsync(DangjianDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Organizations.AnyAsync(ct);
    }

    /// <summary>
    /// Inserts the whole district in one transaction: a failure leaves nothing behind. Refuses a database
    /// that already has organizations. Every row gets its audit entries, as any save does.
    /// </summary>
    public static async Task<DemoSeedResult> SeedAsync(DangjianDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Organizations.AnyAsync(ct))
        {
            throw new InvalidOperationException("The demo district can only be seeded into a database without organizations.");
        }

        var plan = DemoGenerator.Generate(today);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await SaveOrganizationsAndPeopleAsync(db, plan, ct);
            db.ChangeTracker.Clear();

            DemoSeatChanges.AddReplacement(plan, today);
            foreach (var team in plan.Teams)
            {
                team.Entity.OrganizationId = team.Org.Entity.Id;
                foreach (var (position, person, _) in team.Seats)
                {
                    position.PersonId = person.Id;
                }

                db.LeadershipTeams.Add(team.Entity);
            }

            await db.SaveChangesAsync(ct);
            await DemoDemocraticLife.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();

            await DemoMeetings.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoEvaluations.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoSurveys.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoCommitments.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoReviews.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoDues.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoDisclosures.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoServices.AddAsync(db, plan, today, ct);
            await DemoTalks.AddAsync(db, plan, today, ct);
            await DemoDelegates.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoReports.AddAsync(db, plan, today, ct);
            await DemoSelection.AddAsync(db, plan, today, ct);
            await DemoCadres.AddAsync(db, plan, today, ct);
            await DemoSupervision.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoCadreCases.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoStudyRecords.AddAsync(db, plan, today, ct);
            await DemoStudyExams.AddAsync(db, plan, today, ct);
            await DemoStudyTraining.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoThemeEducation.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoMattersConsultations.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoAwards.AddAsync(db, plan, today, ct);
            db.ChangeTracker.Clear();
            await DemoReminders.AddAsync(db, plan, today, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new DemoSeedResult(
            plan.District.Entity.Id,
            [.. plan.Organizations.Where(o => o.Level == 1).Select(o => o.Entity.Id)],
            plan.SampleBranch.Entity.Id,
            plan.SampleMember.Id,
            plan.SampleSecretary.Id,
            plan.Organizations.Count,
            plan.People.Count,
            plan.SampleSupervisor!.Id);
    }

    /// <summary>
    /// Organizations go in level by level: a level's parent ids are known once the level above is saved,
    /// and a path ends in the organization's own id, so each level's paths are filled in with the next
    /// save (recorded as <see cref="PathAssignedAction"/>). People and units go with the last one.
    /// </summary>
    private static async Task SaveOrganizationsAndPeopleAsync(DangjianDbContext db, DemoPlan plan, CancellationToken ct)
    {
        List<DemoOrg> previousLevel = [];
        foreach (var level in plan.Organizations.GroupBy(o => o.Level).OrderBy(g => g.Key).Select(g => g.ToList()))
        {
            AssignPaths(db, previousLevel);
            foreach (var org in level)
            {
                org.Entity.ParentId = org.Parent?.Entity.Id;
                org.Entity.Path = org.Parent?.Entity.Path ?? "/"; // until its own id is known
                db.Organizations.Add(org.Entity);
            }

            await db.SaveChangesAsync(ct);
            previousLevel = level;
        }

        AssignPaths(db, previousLevel);
        foreach (var (person, org) in plan.People)
        {
            person.OrganizationId = org.Entity.Id;
            db.People.Add(person);
        }

        foreach (var unit in plan.Units)
        {
            unit.Entity.AreaOrganizationId = unit.Area.Entity.Id;
            unit.Entity.OrganizationId = unit.Cover?.Entity.Id;
            db.Units.Add(unit.Entity);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void AssignPaths(DangjianDbContext db, List<DemoOrg> level)
    {
        if (level.Count == 0)
        {
            return;
        }

        foreach (var org in level)
        {
            org.Entity.Path = OrganizationTree.PathOf(org.Parent?.Entity.Path, org.Entity.Id);
        }

        db.AuditAction = PathAssignedAction;
    }
}
