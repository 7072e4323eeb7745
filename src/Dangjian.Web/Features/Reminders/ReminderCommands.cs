using Dangjian.Data;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reminders;

/// <summary>A person choosing their own channels (Mine.Use): load or start their row, the rule on the entity, one audited save.</summary>
public sealed class ReminderCommands(DangjianDbContext db, ScopeService scopes, ReminderQueries queries)
{
    public async Task<MyRemindersView> SaveMineAsync(SaveMyRemindersRequest r, CancellationToken ct = default)
    {
        if (await ReminderQueries.PersonIdAsync(scopes, db, ct) is not { } personId)
        {
            throw new ScopeRefusedException();
        }

        var errors = new FieldErrors();
        if (r.EmailOn is null)
        {
            errors.Add("emailOn", "Input.Required", "Field.Reminder.EmailOn");
        }

        if (r.RobotOn is null)
        {
            errors.Add("robotOn", "Input.Required", "Field.Reminder.RobotOn");
        }

        errors.ThrowIfAny();
        var pref = await db.ReminderPreferences.FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        if (pref is null)
        {
            pref = ReminderPreference.Default(personId);
            db.ReminderPreferences.Add(pref);
        }
        else
        {
            db.ExpectVersion(pref, r.Version ?? -1);
        }

        pref.Choose(r.Email, r.EmailOn!.Value, r.RobotOn!.Value);
        db.AuditAction = "ReminderPreference.Chosen";
        await db.SaveChangesAsync(ct);
        return await queries.MineAsync(ct);
    }
}
