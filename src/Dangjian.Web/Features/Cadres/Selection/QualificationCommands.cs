using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// 考察资格认证 certificates (CAD-4): listed for the people in the caller's reach (Cadres.Read), added on the holder's
/// organization (Cadres.Write). Valid from the exam day through the expiry day; expired ones stay listed, flagged.
/// </summary>
public sealed class QualificationCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<QualificationView> AddAsync(AddQualificationRequest r, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (r.PersonId is null)
        {
            errors.Add("personId", "Input.Required", "Field.Selection.Person");
        }

        if (r.ExamDate is null)
        {
            errors.Add("examDate", "Input.Required", "Field.Selection.ExamDate");
        }

        if (r.ExpiresOn is null)
        {
            errors.Add("expiresOn", "Input.Required", "Field.Selection.ExpiresOn");
        }

        errors.ThrowIfAny();
        var person = await db.People.AsNoTracking().Where(p => p.Id == r.PersonId && !p.IsRemoved).Select(p => new { p.Id, p.Name, p.OrganizationId }).FirstOrDefaultAsync(ct)
            ?? throw new InputValidationException(new FieldErrors().Add("personId", "Selection.UnknownPerson", r.PersonId!.Value));
        await scopes.DemandAsync(Permission.CadresWrite, person.OrganizationId, ct);
        var q = InspectionQualification.Issue(person.Id, person.Name, r.CertificateNumber ?? string.Empty, r.ExamDate!.Value, r.ExpiresOn!.Value);
        if (await db.InspectionQualifications.AnyAsync(x => x.CertificateNumber == q.CertificateNumber, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("certificateNumber", "Selection.CertificateNumberTaken", q.CertificateNumber));
        }

        db.InspectionQualifications.Add(q);
        db.AuditAction = "InspectionQualification.Issued";
        await db.SaveChangesAsync(ct);
        return (await ListAsync(null, q.Id, 1, 1, ct)).Items.Single();
    }

    /// <summary>A page of certificates in reach, by a part of the holder's name or the number; expired ones after the valid.</summary>
    public async Task<Paged<QualificationView>> ListAsync(string? search, int? id, int? page, int? pageSize, CancellationToken ct = default)
    {
        await scopes.DemandHeldAsync(Permission.CadresRead, ct);
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var orgs = await scopes.OrganizationsAsync(Permission.CadresRead, ct);
        var today = clock.Today;
        var rows = db.InspectionQualifications.AsNoTracking()
            .Join(db.People, q => q.PersonId, x => x.Id, (q, x) => new { q, x.OrganizationId })
            .Join(orgs, a => a.OrganizationId, o => o.Id, (a, o) => new { a.q, Org = o.Name });
        if (id is { } one)
        {
            rows = rows.Where(a => a.q.Id == one);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            rows = rows.Where(a => a.q.Name.Contains(s) || a.q.CertificateNumber.Contains(s));
        }

        var total = await rows.CountAsync(ct);
        var page1 = await rows.OrderByDescending(a => a.q.ExpiresOn >= today).ThenBy(a => a.q.Name).ThenBy(a => a.q.Id)
            .Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        return new Paged<QualificationView>(
            [.. page1.Select(a => new QualificationView(a.q.Id, a.q.PersonId, a.q.Name, a.Org, a.q.CertificateNumber, a.q.ExamDate, a.q.ExpiresOn, a.q.IsValidOn(today), a.q.Version))],
            total, p, size);
    }
}
