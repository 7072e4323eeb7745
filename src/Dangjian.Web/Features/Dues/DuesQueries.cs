using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// The dues ledger (DUE-2) of a branch or of the signed-in member: every figure computed by <see cref="DuesLedger"/> from
/// the stored profiles and payment records, so the pages, the export and <c>dangjian dues compute</c> share one rule.
/// </summary>
public sealed class DuesQueries(DangjianDbContext db, ScopeService scopes, DuesRates rates, OrgClock clock)
{
    /// <summary>The longest range one ledger shows: ten years of months.</summary>
    public const int MaxMonths = 120;

    /// <summary>Months shown by default and on /me: the last six, as far as the flag looks (党章 第九条).</summary>
    public const int DefaultMonths = DuesLedger.DefaultFlagAfterMonths;

    /// <summary>
    /// The ledger of an organization's subtree from one month to another: the members of the organization and of every
    /// organization under it, grouped by the organization whose roll they are on (a branch shows its own members, a
    /// township its branches one after another). A member is counted under today's organization for every month: the
    /// roster keeps only the organization a person is on now (no history of transfers is stored), so a member who moved
    /// shows their whole range under the new branch.
    /// </summary>
    public async Task<DuesLedgerView> LedgerAsync(int? organizationId, string? from, string? to, CancellationToken ct = default)
    {
        if (organizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.DuesRead, orgId, ct);
        var (first, last) = Range(from, to);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var organizations = await ScopeQuery.Within(db.Organizations.AsNoTracking(), [root.Path])
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
        var orgIds = organizations.Select(o => o.Id).ToList();
        var query = MembersOf(db.People.Where(p => orgIds.Contains(p.OrganizationId)));
        var people = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new { p.Id, p.Name, p.OrganizationId }).ToListAsync(ct);
        var ledgers = (await MembersAsync([.. people.Select(p => (p.Id, p.Name))], query.Select(p => p.Id), first, last, ct)).ToDictionary(m => m.PersonId);
        var names = organizations.ToDictionary(o => o.Id, o => o.Name);
        var byOrganization = people.ToLookup(p => p.OrganizationId, p => ledgers[p.Id] with { OrganizationId = p.OrganizationId, OrganizationName = names[p.OrganizationId] });
        var groups = organizations.Where(o => byOrganization[o.Id].Any())
            .Select(o => Group(o.Id, o.Name, [.. byOrganization[o.Id]])).ToList();
        var members = groups.SelectMany(g => g.Members).ToList();
        return new DuesLedgerView(
            orgId, root.Name, MonthText.Format(first), MonthText.Format(last), DuesLedger.DefaultFlagAfterMonths,
            members.Sum(m => m.Due), members.Sum(m => m.Paid), members.Sum(m => m.Arrears), members.Count(m => m.Flagged), members,
            await scopes.MayAsync(Permission.DuesWrite, orgId, ct))
        { Groups = groups };
    }

    /// <summary>
    /// What the dashboard counts (RPT-1): over the members of the given organizations at once, in the ledger's default
    /// range, those with arrears, the amount, and those flagged — the figures <see cref="LedgerAsync"/> gives each subtree,
    /// in one read however many subtrees they cover. The caller passes only organizations where it holds Dues.Read.
    /// </summary>
    public async Task<(int MembersInArrears, decimal Arrears, int Flagged)> DueCountsAsync(IQueryable<int> organizationIds, CancellationToken ct = default)
    {
        var (first, last) = Range(null, null);
        var query = MembersOf(db.People.Where(p => organizationIds.Contains(p.OrganizationId)));
        var people = await query.Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var members = await MembersAsync([.. people.Select(p => (p.Id, p.Name))], query.Select(p => p.Id), first, last, ct);
        return (members.Count(m => m.Arrears > 0), members.Sum(m => m.Arrears), members.Count(m => m.Flagged));
    }

    /// <summary>Those of <paramref name="people"/> who pay dues: on the roll and Party members (residents pay none).</summary>
    private static IQueryable<Person> MembersOf(IQueryable<Person> people) =>
        people.AsNoTracking().Where(p => !p.IsRemoved && p.Status != MemberStatus.Resident);

    /// <summary>
    /// The reminder list (催缴) of the subtree's ledger: per organization, the members with months unpaid in the range,
    /// those flagged (six or more in a row, 党章 第九条) first, then the longest run, the amount owed and the name.
    /// </summary>
    public async Task<DuesReminderList> RemindersAsync(int? organizationId, string? from, string? to, CancellationToken ct = default)
    {
        var ledger = await LedgerAsync(organizationId, from, to, ct);
        var groups = ledger.Groups
            .Select(g => (Group: g, Items: g.Members.Where(m => m.UnpaidMonths.Count > 0)
                .OrderByDescending(m => m.Flagged).ThenByDescending(m => m.LongestUnpaidRun).ThenByDescending(m => m.Arrears)
                .ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.PersonId)
                .Select(m => new DuesReminderItem(m.PersonId, m.Name, m.UnpaidMonths, m.Arrears, m.LongestUnpaidRun, m.Flagged)).ToList()))
            .Where(g => g.Items.Count > 0)
            .Select(g => new DuesReminderGroup(g.Group.OrganizationId, g.Group.OrganizationName, g.Items.Sum(i => i.Arrears), g.Items))
            .ToList();
        return new DuesReminderList(ledger.OrganizationId, ledger.OrganizationName, ledger.From, ledger.To, groups);
    }

    private static DuesLedgerGroup Group(int organizationId, string name, IReadOnlyList<DuesMemberView> members) =>
        new(organizationId, name, members.Sum(m => m.Due), members.Sum(m => m.Paid), members.Sum(m => m.Arrears), members.Count(m => m.Flagged), members);

    /// <summary>
    /// A member's dues profiles, newest first (DUE-1: category and base kept with history), after Dues.Read on the
    /// member's organization.
    /// </summary>
    public async Task<IReadOnlyList<DuesProfileView>> ProfilesAsync(int personId, CancellationToken ct = default) =>
        (await PersonAsync(personId, ct)).Profiles;

    /// <summary>A member's dues on their person page: the profile history, whether they are a Party member, whether the caller may set a profile.</summary>
    public async Task<DuesPersonView> PersonAsync(int personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => new { p.OrganizationId, p.Status }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(person?.OrganizationId, "person", personId, Permission.DuesRead, ct);
        var profiles = await db.DuesProfiles.AsNoTracking().Where(p => p.PersonId == personId).ToListAsync(ct);
        return new DuesPersonView(
            personId, [.. profiles.OrderByDescending(p => p.FromMonth).Select(p => ProfileView(p, rates))], person!.Status.IsMember(),
            await scopes.MayAsync(Permission.DuesWrite, person.OrganizationId, ct));
    }

    public static DuesProfileView ProfileView(DuesProfile p, DuesRates rates)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.PersonId, p.Category, p.Base, p.Amount, MonthText.Format(p.FromMonth), p.Monthly(rates), p.Version) { RecordedBy = p.RecordedBy };
    }

    /// <summary>The signed-in member's own ledger of the last <see cref="DefaultMonths"/> months; an account without a person gets none.</summary>
    public async Task<MyDuesView> MineAsync(CancellationToken ct = default)
    {
        var (first, last) = Range(null, null);
        var personId = await scopes.CurrentPersonIdAsync(ct);
        var name = personId is null ? null : await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var ledger = name is null ? null : (await MembersAsync([(personId!.Value, name)], db.People.Where(p => p.Id == personId).Select(p => p.Id), first, last, ct))[0];
        return new MyDuesView(ledger, MonthText.Format(first), MonthText.Format(last));
    }

    /// <summary>
    /// The checked range: months as <c>yyyy-MM</c>, by default the last <see cref="DefaultMonths"/> up to this month,
    /// the first not after the last and at most <see cref="MaxMonths"/> of them.
    /// </summary>
    public (DateOnly From, DateOnly To) Range(string? from, string? to)
    {
        var errors = new FieldErrors();
        var last = Month(to, "to", "Field.Dues.To", errors) ?? DuesMonths.Of(clock.Today);
        var first = Month(from, "from", "Field.Dues.From", errors) ?? last.AddMonths(1 - DefaultMonths);
        errors.ThrowIfAny();
        if (first > last)
        {
            errors.Add("from", "Dues.RangeReversed");
        }
        else if ((last.Year - first.Year) * 12 + last.Month - first.Month >= MaxMonths)
        {
            errors.Add("to", "Dues.RangeTooLong", MaxMonths);
        }

        errors.ThrowIfAny();
        return (first, last);
    }

    /// <summary>A month given as text, named on its field when it is none; null when not given.</summary>
    public static DateOnly? Month(string? text, string field, string label, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var month = MonthText.Parse(text);
        if (month is null)
        {
            errors.Add(field, "Dues.NotAMonth", label);
        }

        return month;
    }

    /// <summary>
    /// The ledgers of <paramref name="people"/> (id and name, in the order wanted); their profiles and payments are read by
    /// <paramref name="ids"/>, the same people as a subquery, so no list of ids is sent back to the server.
    /// </summary>
    private async Task<List<DuesMemberView>> MembersAsync(IReadOnlyList<(int Id, string Name)> people, IQueryable<int> ids, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var profiles = (await db.DuesProfiles.AsNoTracking().Where(p => ids.Contains(p.PersonId) && p.FromMonth <= last).ToListAsync(ct)).ToLookup(p => p.PersonId);
        var records = (await db.DuesPayments.AsNoTracking().Where(r => ids.Contains(r.PersonId) && r.Month >= first && r.Month <= last).ToListAsync(ct))
            .ToLookup(r => r.PersonId);
        return [.. people.Select(p => Member(p.Id, p.Name, [.. profiles[p.Id]], [.. records[p.Id]], first, last))];
    }

    private DuesMemberView Member(int personId, string name, IReadOnlyList<DuesProfile> history, IReadOnlyList<DuesPaymentRecord> records, DateOnly first, DateOnly last)
    {
        var monthlyOf = DuesProfile.MonthlyOf(history, rates);
        var ledger = DuesLedger.Compute(monthlyOf, first, last, records.Select(r => r.ToLedger()));
        var current = history.Where(p => p.FromMonth <= last).MaxBy(p => p.FromMonth);
        var reasons = records.Where(r => r.Excused).ToLookup(r => r.Month);
        return new DuesMemberView(
            personId, name, current?.Category, current?.Base, current?.Amount, current is null ? null : MonthText.Format(current.FromMonth), current?.Version,
            DuesRates.Money(ledger.Monthly), DuesRates.Money(ledger.Due), DuesRates.Money(ledger.Paid), DuesRates.Money(ledger.Arrears),
            [.. ledger.UnpaidMonths.Select(MonthText.Format)], ledger.LongestUnpaidRun, ledger.Flagged,
            [.. ledger.Months.Select(m => new DuesMonthView(
                MonthText.Format(m.Month), DuesRates.Money(monthlyOf(m.Month)), DuesRates.Money(m.Paid), m.Excused,
                reasons[m.Month].Select(r => r.ExcusedReason).FirstOrDefault(), m.Unpaid))]);
    }
}
