using System.Net;
using Dangjian.Domain.Dues;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Dues;

/// <summary>
/// Dues and activity funds over HTTP on a real database (DUE-1 … DUE-3): the ledger computed by the dues rule with the
/// 6-month flag (党章 第九条), payments entered, excused and imported all-or-nothing, funds refused past the balance, and
/// township B's records kept from township A's roles. Each test makes members of its own in the secretary's branch and
/// reads 2024's months, which the demo district leaves alone.
/// </summary>
public abstract class DuesTests(AppFixture app)
{
    private const string Route = DuesEndpoints.Route;

    private static string M(int month) => $"2024-{month:00}";

    [Fact]
    public async Task Ledger_SixUnpaidMonthsInARow_Flagged_FiveNot_AnExcusedMonthBreaksTheRun()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var (six, five, excused) = (await MemberAsync(branch), await MemberAsync(branch), await MemberAsync(branch));
        foreach (var id in new[] { six, five, excused })
        {
            var profile = await secretary.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(id, DuesCategory.Salaried, 4200m, null, M(1), null));
            Assert.Equal(42m, (await profile.ReadAsync<DuesProfileView>()).Monthly);
        }

        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"{Route}/payments", new RecordDuesPaymentRequest(five, M(1), 42m, new DateOnly(2024, 1, 20)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"{Route}/excusals", new ExcuseDuesMonthRequest(excused, M(3), "长期住院，支部同意"))).StatusCode);

        var ledger = await (await secretary.GetAsync($"{Route}/ledger?organizationId={branch}&from={M(1)}&to={M(6)}")).ReadAsync<DuesLedgerView>();

        var s = ledger.Members.Single(m => m.PersonId == six);
        Assert.Equal((252m, 0m, 252m, 6, true), (s.Due, s.Paid, s.Arrears, s.LongestUnpaidRun, s.Flagged));
        var f = ledger.Members.Single(m => m.PersonId == five);
        Assert.Equal((252m, 42m, 210m, 5, false), (f.Due, f.Paid, f.Arrears, f.LongestUnpaidRun, f.Flagged));
        Assert.Equal([M(2), M(3), M(4), M(5), M(6)], f.UnpaidMonths);
        var e = ledger.Members.Single(m => m.PersonId == excused);
        Assert.Equal((210m, 210m, 3, false), (e.Due, e.Arrears, e.LongestUnpaidRun, e.Flagged));
        Assert.Equal("长期住院，支部同意", e.Months[2].Reason);
        Assert.True(ledger.FlaggedCount >= 1);

        // The export holds the same figures.
        var export = await secretary.GetAsync($"{Route}/ledger/export?organizationId={branch}&from={M(1)}&to={M(6)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == six).Select(p => p.Name).FirstAsync());
        var row = rows.Single(r => Equals(r["姓名"], name));
        Assert.Equal(252d, Convert.ToDouble(row["欠交"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("连续 6 个月以上未交", row["连续未交"]);
    }

    [Fact]
    public async Task Payment_BadMonthOrNegative_Is400NamingTheField_AndNothingStored()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var member = await MemberAsync(branch);

        var month = await (await secretary.PostJsonAsync($"{Route}/payments", new RecordDuesPaymentRequest(member, "2024-13", 42m, null))).ProblemErrorsAsync();
        var negative = await (await secretary.PostJsonAsync($"{Route}/payments", new RecordDuesPaymentRequest(member, M(2), -0.01m, null))).ProblemErrorsAsync();
        var reason = await (await secretary.PostJsonAsync($"{Route}/excusals", new ExcuseDuesMonthRequest(member, M(2), " "))).ProblemErrorsAsync();
        var profile = await (await secretary.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Farmer, null, 1.01m, M(1), null))).ProblemErrorsAsync();

        Assert.Equal(["month", "paid", "reason", "amount"], [.. new[] { month, negative, reason, profile }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("月份", month["month"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.PersonId == member)));
        Assert.Equal(0, await app.WithDbAsync(db => db.DuesProfiles.CountAsync(p => p.PersonId == member)));
    }

    [Fact]
    public async Task Import_OneBadRow_ChangesNothing_AndNamesTheRow_ACleanFileGoesInWhole()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var (a, b) = (await MemberAsync(branch), await MemberAsync(branch));
        var names = await app.WithDbAsync(db => db.People.Where(p => p.Id == a || p.Id == b).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());

        var bad = await ImportAsync(secretary, branch, [(names[0], M(1), "42"), (names[1], M(1), "-5"), (names[0], M(2), "42")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.ProblemErrorsAsync();
        Assert.Equal(["3/金额"], errors.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.PersonId == a || p.PersonId == b)));

        var unknown = await (await ImportAsync(secretary, branch, [(names[0], M(1), "42"), ("不是本支部的人" + Demo.UniqueCode(""), "2024-1", "42")])).ProblemErrorsAsync();
        Assert.Equal(["3/姓名"], unknown.Keys);

        var good = await ImportAsync(secretary, branch, [(names[0], M(1), "42"), (names[1], M(1), "20.5"), (names[0], "2024/2", "42")]);
        Assert.Equal(3, (await good.ReadAsync<DuesImportSummary>()).Imported);
        var stored = await app.WithDbAsync(db => db.DuesPayments.Where(p => p.PersonId == a || p.PersonId == b).OrderBy(p => p.Id).Select(p => new { p.PersonId, p.Month, p.Paid, p.OrganizationId }).ToListAsync());
        Assert.Equal([(a, new DateOnly(2024, 1, 1), 42m), (b, new DateOnly(2024, 1, 1), 20.5m), (a, new DateOnly(2024, 2, 1), 42m)],
            stored.Select(p => (p.PersonId, p.Month, p.Paid)));
        Assert.All(stored, p => Assert.Equal(branch, p.OrganizationId));
    }

    [Fact]
    public async Task Import_OnATownshipsLedger_FindsABranchsMember_InTheirBranch_ANameTwiceInTheSubtreeIsRefused_NamingBoth()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var member = await MemberAsync(t.BranchOfA);
        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == member).Select(p => p.Name).FirstAsync());

        var good = await ImportAsync(admin, t.A, [(name, M(1), "42")]);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, (await good.ReadAsync<DuesImportSummary>()).Imported);
        var stored = await app.WithDbAsync(db => db.DuesPayments.Where(p => p.PersonId == member).Select(p => new { p.Month, p.Paid, p.OrganizationId }).SingleAsync());
        Assert.Equal((new DateOnly(2024, 1, 1), 42m, t.BranchOfA), (stored.Month, stored.Paid, stored.OrganizationId));

        // The same name on the township's own roll: two in the subtree, so the row is refused and both organizations named.
        var twin = await MemberAsync(t.A, name);
        var ambiguous = await ImportAsync(admin, t.A, [(name, M(2), "42")]);
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        var errors = await ambiguous.ProblemErrorsAsync();
        Assert.Equal(["2/姓名"], errors.Keys);
        var (township, branch) = await app.WithDbAsync(async db => (
            await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Name).FirstAsync(),
            await db.Organizations.Where(o => o.Id == t.BranchOfA).Select(o => o.Name).FirstAsync()));
        Assert.Contains(township, errors["2/姓名"][0], StringComparison.Ordinal);
        Assert.Contains(branch, errors["2/姓名"][0], StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.PersonId == member || p.PersonId == twin)));
    }

    [Fact]
    public async Task Spending_SixAtOnceAgainstRoomForThree_ThreeTaken_ThreeRefused_BalanceNeverBelowZero()
    {
        // DUE-3: the balance is checked and the spending written as one step per organization, so spendings saved at the
        // same moment cannot all pass a check made before any of them was written.
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var org = (await app.TownshipsAsync()).A;
        var today = OrgToday.Value;
        async Task<decimal> BalanceAsync() => (await (await admin.GetAsync($"{Route}/funds?organizationId={org}")).ReadAsync<ActivityFundsView>()).Balance;
        if (await BalanceAsync() is > 0m and var start)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(org, ActivityFundKind.Spent, start, "结清余额", "镇党委", today))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(org, ActivityFundKind.Received, 90m, "上级下拨", null, today))).StatusCode);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(org, ActivityFundKind.Spent, 30m, $"主题党日活动{i}", "镇党委", today))));

        Assert.Equal((3, 3), (answers.Count(a => a.StatusCode == HttpStatusCode.OK), answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest)));
        Assert.Equal(0m, await BalanceAsync());
    }

    [Fact]
    public async Task Spending_PastTheBalance_Is400OnAmount_AndChangesNothing_UpToItIsTaken()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var today = OrgToday.Value;
        var start = (await (await secretary.GetAsync($"{Route}/funds?organizationId={branch}")).ReadAsync<ActivityFundsView>()).Balance;

        var received = await secretary.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(branch, ActivityFundKind.Received, 100m, "上级下拨主题党日经费", null, today));
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var over = await secretary.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(branch, ActivityFundKind.Spent, start + 100.01m, "购买学习资料", "王书记", today));
        var errors = await over.ProblemErrorsAsync();
        Assert.Equal(["amount"], errors.Keys);
        Assert.Contains("结余", errors["amount"][0], StringComparison.Ordinal);

        var after = await (await secretary.GetAsync($"{Route}/funds?organizationId={branch}")).ReadAsync<ActivityFundsView>();
        Assert.Equal(start + 100m, after.Balance);
        Assert.DoesNotContain(after.Entries, e => e.Amount == start + 100.01m);

        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(branch, ActivityFundKind.Spent, start + 100m, "购买学习资料", "王书记", today))).StatusCode);
        Assert.Equal(0m, (await (await secretary.GetAsync($"{Route}/funds?organizationId={branch}")).ReadAsync<ActivityFundsView>()).Balance);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"{Route}/funds/export?organizationId={branch}")).StatusCode);
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsLedgerPaymentsAndFunds_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var orgAdminA = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await app.WithDbAsync(db => Task.FromResult((db.DuesPayments.Count(p => p.PersonId == t.PersonOfB), db.ActivityFunds.Count(f => f.OrganizationId == t.BranchOfB))));

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.GetAsync($"{Route}/ledger?organizationId={t.BranchOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.GetAsync($"{Route}/funds?organizationId={t.BranchOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.PostJsonAsync($"{Route}/payments", new RecordDuesPaymentRequest(t.PersonOfB, M(1), 42m, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminA.PostJsonAsync($"{Route}/funds", new AddActivityFundRequest(t.BranchOfB, ActivityFundKind.Received, 1m, "x", null, OrgToday.Value))).StatusCode);

        var after = await app.WithDbAsync(db => Task.FromResult((db.DuesPayments.Count(p => p.PersonId == t.PersonOfB), db.ActivityFunds.Count(f => f.OrganizationId == t.BranchOfB))));
        Assert.Equal(before, after);

        // A member reads no ledger, only their own dues on /me.
        var member = await app.ClientForAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Route}/ledger?organizationId={t.BranchOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(DuesEndpoints.MineRoute)).StatusCode);
    }

    [Fact]
    public async Task Ledger_OfATownship_CoversItsBranchesMembers_GroupedByBranch_TotalsAddUp()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var member = await MemberAsync(t.BranchOfA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Salaried, 4200m, null, M(1), null))).StatusCode);

        var ledger = await (await admin.GetAsync($"{Route}/ledger?organizationId={t.A}&from={M(1)}&to={M(6)}")).ReadAsync<DuesLedgerView>();

        var group = ledger.Groups.Single(g => g.OrganizationId == t.BranchOfA);
        var row = group.Members.Single(m => m.PersonId == member);
        Assert.Equal((252m, 252m, t.BranchOfA), (row.Due, row.Arrears, row.OrganizationId));
        Assert.Equal(group.OrganizationName, row.OrganizationName);
        Assert.Equal(ledger.Groups.SelectMany(g => g.Members).Select(m => m.PersonId), ledger.Members.Select(m => m.PersonId));
        Assert.Equal(ledger.Groups.Count, ledger.Groups.Select(g => g.OrganizationId).Distinct().Count());
        Assert.All(ledger.Groups, g => Assert.Equal(g.Members.Sum(m => m.Arrears), g.Arrears));
        Assert.Equal(ledger.Groups.Sum(g => g.Due), ledger.Due);

        // Township B's members are outside township A's subtree.
        Assert.DoesNotContain(ledger.Members, m => m.PersonId == t.PersonOfB);

        // The branch's own ledger holds the member too, in one group of its own.
        var branch = await (await admin.GetAsync($"{Route}/ledger?organizationId={t.BranchOfA}&from={M(1)}&to={M(6)}")).ReadAsync<DuesLedgerView>();
        Assert.Equal([t.BranchOfA], branch.Groups.Select(g => g.OrganizationId));
        Assert.Contains(branch.Members, m => m.PersonId == member);
    }

    [Fact]
    public async Task Reminders_ListOnlyMembersOwing_FlaggedFirst_WithMonthsAndAmount_PerBranch()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (owesTwo, flagged, paidUp) = (await MemberAsync(t.BranchOfA), await MemberAsync(t.BranchOfA), await MemberAsync(t.BranchOfA));
        foreach (var id in new[] { owesTwo, flagged, paidUp })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(id, DuesCategory.Salaried, 4200m, null, M(7), null))).StatusCode);
        }

        for (var month = 7; month <= 12; month++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/payments", new RecordDuesPaymentRequest(paidUp, M(month), 42m, new DateOnly(2024, 12, 31)))).StatusCode);
            if (month <= 10)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/payments", new RecordDuesPaymentRequest(owesTwo, M(month), 42m, new DateOnly(2024, 12, 31)))).StatusCode);
            }
        }

        var list = await (await admin.GetAsync($"{Route}/reminders?organizationId={t.A}&from={M(7)}&to={M(12)}")).ReadAsync<DuesReminderList>();

        var group = list.Groups.Single(g => g.OrganizationId == t.BranchOfA);
        var mine = group.Items.Where(i => i.PersonId == owesTwo || i.PersonId == flagged).ToList();
        Assert.Equal([flagged, owesTwo], mine.Select(i => i.PersonId));
        Assert.Equal((true, 6, 252m), (mine[0].Flagged, mine[0].UnpaidMonths.Count, mine[0].Arrears));
        Assert.Equal((false, 84m), (mine[1].Flagged, mine[1].Arrears));
        Assert.Equal([M(11), M(12)], mine[1].UnpaidMonths);
        Assert.DoesNotContain(group.Items, i => i.PersonId == paidUp);
        Assert.Equal(group.Items.OrderByDescending(i => i.Flagged).Select(i => i.PersonId), group.Items.Select(i => i.PersonId));
        Assert.All(list.Groups, g => Assert.NotEmpty(g.Items));
        Assert.DoesNotContain(list.Groups, g => g.OrganizationId == t.BranchOfB);

        // Township B's admin is refused township A's reminders.
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/reminders?organizationId={t.BranchOfA}")).StatusCode);
    }

    [Fact]
    public async Task Profiles_ListTheHistoryNewestFirst_WithEachMonthly()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var member = await MemberAsync(branch);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Salaried, 3000m, null, M(1), null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"{Route}/profiles", new SetDuesProfileRequest(member, DuesCategory.Retired, 5000.01m, null, M(7), null))).StatusCode);

        var history = await (await secretary.GetAsync($"{Route}/profiles/{member}")).ReadAsync<List<DuesProfileView>>();

        Assert.Equal([(M(7), DuesCategory.Retired, 50m), (M(1), DuesCategory.Salaried, 15m)], history.Select(p => (p.FromMonth, p.Category, p.Monthly)));
        var t = await app.TownshipsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"{Route}/profiles/{t.PersonOfB}")).StatusCode);
    }

    private async Task<int> MemberAsync(int branch, string? name = null) => await app.WithDbAsync(async db =>
    {
        var person = new Person
        {
            Name = name ?? "交费人" + Demo.UniqueCode(""), Gender = Gender.Male, Status = MemberStatus.Full,
            JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = branch,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, int organization, IEnumerable<(string Name, string Month, string Paid)> rows)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Select(r => new Dictionary<string, object?> { ["姓名"] = r.Name, ["月份"] = r.Month, ["金额"] = r.Paid }));
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Dangjian.Web.Features.Common.ExcelFile.ContentType);
        return await client.PostAsync($"{Route}/payments/import?organizationId={organization}", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DuesSqliteTests(SqliteApp app) : DuesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DuesPostgresTests(PostgresApp app) : DuesTests(app);
