using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// Setting a member's dues profile, recording a payment, excusing a month (DUE-1, DUE-2): each after Dues.Write on the
/// member's organization, the rule on the entity, one audited save.
/// </summary>
public sealed class DuesCommands(DangjianDbContext db, ScopeService scopes, DuesRates rates, CurrentUser user, OrgClock clock)
{
    /// <summary>
    /// Sets the member's profile from a month on; setting it again for the same month corrects that profile (a stale
    /// version is a conflict). Earlier profiles stay as the history the earlier months are measured by.
    /// </summary>
    public async Task<DuesProfileView> SetProfileAsync(SetDuesProfileRequest r, CancellationToken ct = default)
    {
        await MemberAsync(r.PersonId, ct);
        var errors = new FieldErrors();
        var from = DuesQueries.Month(r.FromMonth, "fromMonth", "Field.Dues.FromMonth", errors);
        if (string.IsNullOrWhiteSpace(r.FromMonth))
        {
            errors.Add("fromMonth", "Input.Required", "Field.Dues.FromMonth");
        }

        if (r.Category is null)
        {
            errors.Add("category", "Input.Required", "Field.Dues.Category");
        }

        errors.ThrowIfAny();
        var personId = r.PersonId!.Value;
        var profile = await db.DuesProfiles.FirstOrDefaultAsync(p => p.PersonId == personId && p.FromMonth == from, ct);
        if (profile is null)
        {
            profile = DuesProfile.Create(personId, r.Category!.Value, r.Base, r.Amount, from!.Value, rates, user.Name, clock.UtcNow);
            db.DuesProfiles.Add(profile);
            db.AuditAction = "DuesProfile.Set";
        }
        else
        {
            db.ExpectVersion(profile, r.Version ?? profile.Version);
            profile.Change(r.Category!.Value, r.Base, r.Amount, rates, user.Name, clock.UtcNow);
            db.AuditAction = "DuesProfile.Corrected";
        }

        await db.SaveChangesAsync(ct);
        return DuesQueries.ProfileView(profile, rates);
    }

    /// <summary>Records a payment of the member's month, in the ledger of the member's organization.</summary>
    public async Task<DuesRecordView> RecordPaymentAsync(RecordDuesPaymentRequest r, CancellationToken ct = default)
    {
        var orgId = await MemberAsync(r.PersonId, ct);
        var errors = new FieldErrors();
        var month = Required(r.Month, "month", "Field.Dues.Month", errors);
        if (r.Paid is null)
        {
            errors.Add("paid", "Input.Required", "Field.Dues.Paid");
        }

        errors.ThrowIfAny();
        var record = DuesPaymentRecord.Payment(r.PersonId!.Value, orgId, month, r.Paid!.Value, r.PaidOn ?? clock.Today, clock.Today, user.Name, clock.UtcNow);
        return await AddAsync(record, "DuesPaymentRecord.Recorded", ct);
    }

    /// <summary>Excuses the member's month with the reason the branch accepted (党章 第九条: 没有正当理由 is what counts).</summary>
    public async Task<DuesRecordView> ExcuseAsync(ExcuseDuesMonthRequest r, CancellationToken ct = default)
    {
        var orgId = await MemberAsync(r.PersonId, ct);
        var errors = new FieldErrors();
        var month = Required(r.Month, "month", "Field.Dues.Month", errors);
        errors.ThrowIfAny();
        var record = DuesPaymentRecord.Excuse(r.PersonId!.Value, orgId, month, r.Reason, user.Name, clock.UtcNow);
        return await AddAsync(record, "DuesPaymentRecord.Excused", ct);
    }

    /// <summary>The member's organization, after Dues.Write there; a person on the roster who is not a Party member is refused on personId.</summary>
    public async Task<int> MemberAsync(int? personId, CancellationToken ct)
    {
        if (personId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Person"));
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == id && !p.IsRemoved).Select(p => new { p.OrganizationId, p.Status }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(person?.OrganizationId, "person", id, Permission.DuesWrite, ct);
        if (!person!.Status.IsMember())
        {
            // 中组发〔2008〕3号: dues are paid by Party members (党员); a resident on the roster owes none.
            throw new DomainRuleException("Dues.NotAMember", "personId");
        }

        return person.OrganizationId;
    }

    private static DateOnly Required(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Input.Required", label);
        }

        return DuesQueries.Month(text, field, label, errors) ?? default;
    }

    private async Task<DuesRecordView> AddAsync(DuesPaymentRecord record, string action, CancellationToken ct)
    {
        db.DuesPayments.Add(record);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
        return View(record);
    }

    public static DuesRecordView View(DuesPaymentRecord r) => new(r.Id, r.PersonId, MonthText.Format(r.Month), DuesRates.Money(r.Paid), r.PaidOn, r.Excused, r.ExcusedReason);
}
