using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.People;

/// <summary>ORG-3 through /api/v1/people: the paged roster and its filters, masking, and the person form's rules.</summary>
public abstract class PeopleApiTests(AppFixture app)
{
    [Fact]
    public async Task List_PagesThroughTheRoster_WithoutOverlap()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);

        var first = await (await client.GetAsync("/api/v1/people?page=1&pageSize=20")).ReadAsync<Paged<PersonRow>>();
        var second = await (await client.GetAsync("/api/v1/people?page=2&pageSize=20")).ReadAsync<Paged<PersonRow>>();

        Assert.True(first.Total > 1_000, $"the demo district has thousands of people, got {first.Total}");
        Assert.Equal(20, first.Items.Count);
        Assert.Equal(20, second.Items.Count);
        Assert.Equal(2, second.Page);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(second.Items.Select(p => p.Id)));
    }

    [Fact]
    public async Task List_EveryPage_ThoseReadFromTheEndToo_FollowsTheNameOrder()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        var expected = await app.WithDbAsync(db => db.People.Where(p => !p.IsRemoved && p.Status == MemberStatus.Probationary)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync());
        Assert.True(expected.Count > 60, $"the demo district has many probationary members, got {expected.Count}");

        var seen = new List<int>();
        var pages = (expected.Count + 19) / 20;
        for (var page = 1; page <= pages + 1; page++)
        {
            var rows = await (await client.GetAsync($"/api/v1/people?status=Probationary&page={page}&pageSize=20")).ReadAsync<Paged<PersonRow>>();
            Assert.Equal(expected.Count, rows.Total);
            Assert.Equal(page <= pages ? Math.Min(20, expected.Count - ((page - 1) * 20)) : 0, rows.Items.Count);
            seen.AddRange(rows.Items.Select(r => r.Id));
        }

        Assert.Equal(expected, seen);
    }

    /// <summary>
    /// ORG-3 at a province's scale: the count comes from the roster counts or the name characters the database keeps, and
    /// a page from an index walked in name order or from the people sorted. Each way, every filter gives every page the
    /// database's own order and count, read straight from People.
    /// </summary>
    [Theory]
    [InlineData(true)] // every roster walked in the name index
    [InlineData(false)] // every roster sorted
    [InlineData(null)] // each page the cheaper way
    public async Task List_EveryFilter_WalkedOrSorted_GivesEveryPageInTheDatabasesOrder(bool? walk)
    {
        var t = await app.TownshipsAsync();
        var (checkedFilters, _) = await SqlCommandCount.AsAsync(app, Demo.DistrictAdmin, async sp =>
        {
            var db = sp.GetRequiredService<DangjianDbContext>();
            var roster = sp.GetRequiredService<PeopleQueries>();
            roster.Walk = walk;
            var inScope = (await sp.GetRequiredService<ScopeService>().OrganizationsAsync(Domain.Accounts.Permission.PeopleRead)).Select(o => o.Id);
            var subtree = await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Path).SingleAsync();
            var underA = (await db.Organizations.Where(o => o.Path.StartsWith(subtree)).Select(o => o.Id).ToListAsync()).ToHashSet();
            var common = (await db.People.Where(p => !p.IsRemoved).Select(p => p.Name).ToListAsync())
                .GroupBy(n => n[..1]).OrderByDescending(g => g.Count()).First().Key;
            var cases = new (RosterFilter Filter, Func<Person, bool> Selects)[]
            {
                (new RosterFilter(), _ => true),
                (new RosterFilter(Status: MemberStatus.Probationary), p => p.Status == MemberStatus.Probationary),
                (new RosterFilter(Cadre: true), p => p.IsCadre),
                (new RosterFilter(Name: common), p => p.Name.Contains(common, StringComparison.Ordinal)),
                (new RosterFilter(Name: " " + common + " ", Status: MemberStatus.Full), p => p.Name.Contains(common, StringComparison.Ordinal) && p.Status == MemberStatus.Full),
                (new RosterFilter(OrganizationId: t.A), p => underA.Contains(p.OrganizationId)),
            };
            var all = await db.People.AsNoTracking().Where(p => !p.IsRemoved && inScope.Contains(p.OrganizationId)).ToListAsync();
            var count = 0;
            foreach (var (filter, selects) in cases)
            {
                var expected = all.Where(selects)
                    .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).ToList();
                Assert.True(expected.Count > 40, $"{filter}: the demo district should give several pages, got {expected.Count}");

                var seen = new List<int>();
                const int size = 200;
                for (var page = 1; page <= ((expected.Count + size - 1) / size) + 1; page++)
                {
                    var rows = await roster.ListAsync(filter, page, size);
                    Assert.Equal(expected.Count, rows.Total);
                    seen.AddRange(rows.Items.Select(r => r.Id));
                }

                Assert.Equal(expected, seen);
                count++;
            }

            return count;
        });

        Assert.Equal(6, checkedFilters);
    }

    [Fact]
    public async Task List_BadPaging_NamesTheField()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);

        var response = await client.GetAsync("/api/v1/people?page=0&pageSize=500");

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("page", errors.Keys);
        Assert.Contains("pageSize", errors.Keys);
    }

    [Fact]
    public async Task List_ByStatus_ReturnsOnlyThatStatus()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);

        var page = await (await client.GetAsync("/api/v1/people?status=Probationary&pageSize=200")).ReadAsync<Paged<PersonRow>>();

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, p => Assert.Equal(MemberStatus.Probationary, p.Status));
        var all = await (await client.GetAsync("/api/v1/people?pageSize=1")).ReadAsync<Paged<PersonRow>>();
        Assert.True(page.Total < all.Total);
    }

    [Fact]
    public async Task List_BySecretaryRole_ReturnsCurrentSecretariesOnly()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        var today = OrgToday.Value;

        var page = await (await client.GetAsync("/api/v1/people?role=Secretary&pageSize=200")).ReadAsync<Paged<PersonRow>>();

        Assert.NotEmpty(page.Items);
        var ids = page.Items.Select(p => p.Id).ToList();
        var secretaries = await app.WithDbAsync(db => db.TeamPositions
            .Where(tp => ids.Contains(tp.PersonId) && tp.Role == TeamRole.Secretary
                // The team in office (TermRules.InOffice): no later team of the organization has started by today.
                && db.LeadershipTeams.Any(t => t.Id == tp.TeamId && t.StartsOn <= today
                    && !db.LeadershipTeams.Any(n => n.OrganizationId == t.OrganizationId && n.StartsOn > t.StartsOn && n.StartsOn <= today)))
            .Select(tp => tp.PersonId).Distinct().ToListAsync());
        Assert.Equal(ids.Order(), secretaries.Order());
    }

    [Fact]
    public async Task List_ByName_FindsThePerson()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var name = "查找" + Guid.NewGuid().ToString("N")[..6];
        await (await client.PostJsonAsync("/api/v1/people", Resident(name, t.BranchOfA))).ReadAsync<PersonDetail>();

        var page = await (await client.GetAsync($"/api/v1/people?name={name[..5]}")).ReadAsync<Paged<PersonRow>>();

        Assert.Equal(name, Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task List_ByOrganization_SubtreeOrOwnRollOnly()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var ownRoll = await app.WithDbAsync(db => db.People.CountAsync(p => p.OrganizationId == t.A && !p.IsRemoved));
        var pathA = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.A).Select(o => o.Path).FirstAsync());
        var inSubtree = await app.WithDbAsync(db => db.People.CountAsync(p => !p.IsRemoved && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(pathA))));

        var subtree = await (await client.GetAsync($"/api/v1/people?organizationId={t.A}&pageSize=200")).ReadAsync<Paged<PersonRow>>();
        var own = await (await client.GetAsync($"/api/v1/people?organizationId={t.A}&subtree=false&pageSize=200")).ReadAsync<Paged<PersonRow>>();
        var branch = await (await client.GetAsync($"/api/v1/people?organizationId={t.BranchOfA}&subtree=false&pageSize=200")).ReadAsync<Paged<PersonRow>>();

        Assert.Equal(inSubtree, subtree.Total);
        Assert.Equal(ownRoll, own.Total);
        Assert.True(subtree.Total > own.Total);
        Assert.NotEmpty(branch.Items);
        Assert.All(branch.Items, p => Assert.Equal(t.BranchOfA, p.OrganizationId));
    }

    [Fact]
    public async Task IdNumbers_AreMaskedForOrgAdmins_AndFullForDistrictAdmins()
    {
        var t = await app.TownshipsAsync();
        var stored = await app.WithDbAsync(db => db.People.Where(p => p.Id == t.PersonOfA).Select(p => p.IdNumber).FirstAsync());
        var orgAdmin = await app.ClientForAsync(Demo.OrgAdminA);
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);

        var masked = await (await orgAdmin.GetAsync($"/api/v1/people/{t.PersonOfA}")).ReadAsync<PersonDetail>();
        var full = await (await admin.GetAsync($"/api/v1/people/{t.PersonOfA}")).ReadAsync<PersonDetail>();
        var rows = await (await orgAdmin.GetAsync($"/api/v1/people?organizationId={t.BranchOfA}&subtree=false&pageSize=200")).ReadAsync<Paged<PersonRow>>();
        var history = await orgAdmin.GetStringAsync($"/api/v1/people/{t.PersonOfA}/history");

        Assert.Equal(IdNumber.Mask(stored), masked.IdNumber);
        Assert.True(masked.IdNumberMasked);
        Assert.Equal(stored, full.IdNumber);
        Assert.False(full.IdNumberMasked);
        Assert.All(rows.Items.Where(r => r.IdNumber.Length > 0), r => Assert.Contains('*', r.IdNumber));
        Assert.DoesNotContain(stored!, history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadChecksum_DuplicateId_MissingName_MemberWithoutJoinDate_AreNamed()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var taken = await app.WithDbAsync(db => db.People.Where(p => p.Id == t.PersonOfA).Select(p => p.IdNumber).FirstAsync());

        var badChecksum = await client.PostJsonAsync("/api/v1/people", Member("校验", RosterFiles.WithBadChecksum(RosterFiles.NewIdNumber()), t.BranchOfA));
        var duplicate = await client.PostJsonAsync("/api/v1/people", Member("重复", taken!, t.BranchOfA));
        var noName = await client.PostJsonAsync("/api/v1/people", Member(" ", RosterFiles.NewIdNumber(), t.BranchOfA));
        var noJoinDate = await client.PostJsonAsync("/api/v1/people", Member("未填入党日期", RosterFiles.NewIdNumber(), t.BranchOfA) with { JoinedPartyOn = null });

        Assert.Contains("校验位", Assert.Single((await badChecksum.ProblemErrorsAsync())["idNumber"]), StringComparison.Ordinal);
        Assert.Contains("已被他人使用", Assert.Single((await duplicate.ProblemErrorsAsync())["idNumber"]), StringComparison.Ordinal);
        Assert.Contains("name", (await noName.ProblemErrorsAsync()).Keys);
        Assert.Contains("joinedPartyOn", (await noJoinDate.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Create_FullMemberDay_OptionalForFullMembers_RefusedOfOthers_WithinTheProbation()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var tag = Demo.UniqueCode("");
        var joined = new DateOnly(2015, 7, 1);

        var none = await client.PostJsonAsync("/api/v1/people", Member("未转正" + tag, RosterFiles.NewIdNumber(), t.BranchOfA) with { FullMemberOn = null });
        var early = await client.PostJsonAsync("/api/v1/people", Member("早转正" + tag, RosterFiles.NewIdNumber(), t.BranchOfA) with { FullMemberOn = joined.AddYears(1).AddDays(-1) });
        var late = await client.PostJsonAsync("/api/v1/people", Member("迟转正" + tag, RosterFiles.NewIdNumber(), t.BranchOfA) with { FullMemberOn = joined.AddYears(2).AddDays(1) });
        var probationary = await client.PostJsonAsync("/api/v1/people", Member("预备" + tag, RosterFiles.NewIdNumber(), t.BranchOfA) with { Status = MemberStatus.Probationary });
        var resident = await client.PostJsonAsync("/api/v1/people", Resident("群众" + tag, t.BranchOfA) with { FullMemberOn = joined.AddYears(1) });

        // Not known (a record kept before the field): taken, without a day.
        Assert.Null((await none.ReadAsync<PersonDetail>()).FullMemberOn);
        Assert.Contains("党章第七条", Assert.Single((await early.ProblemErrorsAsync())["fullMemberOn"]), StringComparison.Ordinal);
        Assert.Contains("党章第七条", Assert.Single((await late.ProblemErrorsAsync())["fullMemberOn"]), StringComparison.Ordinal);
        Assert.Contains("预备党员", Assert.Single((await probationary.ProblemErrorsAsync())["fullMemberOn"]), StringComparison.Ordinal);
        Assert.Contains("fullMemberOn", (await resident.ProblemErrorsAsync()).Keys);
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name.EndsWith(tag))));

        var lastDay = await (await client.PostJsonAsync("/api/v1/people", Member("延长" + tag, RosterFiles.NewIdNumber(), t.BranchOfA) with { FullMemberOn = joined.AddYears(2), IsCadre = true })).ReadAsync<PersonDetail>();
        Assert.Equal((joined.AddYears(2), true), (lastDay.FullMemberOn!.Value, lastDay.IsCadre));
    }

    [Fact]
    public async Task Update_BecomesFullMemberAndCadre_Recorded_AndTheStaleVersionIs409()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var joined = new DateOnly(2024, 3, 1);
        var request = Member("转正人" + Demo.UniqueCode(""), RosterFiles.NewIdNumber(), t.BranchOfA) with { Status = MemberStatus.Probationary, JoinedPartyOn = joined, FullMemberOn = null };
        var created = await (await client.PostJsonAsync("/api/v1/people", request)).ReadAsync<PersonDetail>();

        var updated = await (await client.PutJsonAsync($"/api/v1/people/{created.Id}", request with { Status = MemberStatus.Full, FullMemberOn = joined.AddYears(1), IsCadre = true, Version = created.Version })).ReadAsync<PersonDetail>();
        var stale = await client.PutJsonAsync($"/api/v1/people/{created.Id}", request with { Status = MemberStatus.Full, FullMemberOn = joined.AddYears(1), IsCadre = false, Version = created.Version });

        Assert.Equal((MemberStatus.Full, joined.AddYears(1), true), (updated.Status, updated.FullMemberOn!.Value, updated.IsCadre));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.People.Where(p => p.Id == created.Id).Select(p => p.IsCadre).FirstAsync()));
    }

    [Fact]
    public async Task CreateAndUpdate_FarFutureDates_Are400NamingTheField_AndChangeNothing()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var created = await (await client.PostJsonAsync("/api/v1/people", Member("远日", RosterFiles.NewIdNumber(), t.BranchOfA))).ReadAsync<PersonDetail>();
        var before = await app.WithDbAsync(db => db.People.CountAsync());
        // 9982 is the first year whose eighteenth birthday DateOnly cannot hold (the join-date rule adds 18 years).
        PersonRequest[] requests =
        [
            Member("远日", RosterFiles.NewIdNumber(), t.BranchOfA) with { BirthDate = new DateOnly(9999, 12, 31) },
            Member("远日", RosterFiles.NewIdNumber(), t.BranchOfA) with { BirthDate = new DateOnly(9982, 1, 1) },
            Member("远日", RosterFiles.NewIdNumber(), t.BranchOfA) with { JoinedPartyOn = DateOnly.MaxValue },
            Member("远日", RosterFiles.NewIdNumber(), t.BranchOfA) with { BirthDate = DateOnly.MinValue },
        ];

        foreach (var request in requests)
        {
            var field = request.JoinedPartyOn == DateOnly.MaxValue ? "joinedPartyOn" : "birthDate";
            var posted = await client.PostJsonAsync("/api/v1/people", request);
            var put = await client.PutJsonAsync($"/api/v1/people/{created.Id}", request with { IdNumber = created.IdNumber, Version = created.Version });
            foreach (var response in new[] { posted, put })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var message = Assert.Single((await response.ProblemErrorsAsync())[field]);
                Assert.Contains("1900-01-01", message, StringComparison.Ordinal);
                Assert.Contains("2199-12-31", message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(created.Version, (await (await client.GetAsync($"/api/v1/people/{created.Id}")).ReadAsync<PersonDetail>()).Version);
    }

    [Fact]
    public async Task Update_FromAStaleVersion_IsAConflict_AndKeepsTheFirstEdit()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var created = await (await client.PostJsonAsync("/api/v1/people", Member("并发", RosterFiles.NewIdNumber(), t.BranchOfA))).ReadAsync<PersonDetail>();
        // Two editors load version N. The org admin sees the number masked and sends it back so: that keeps it.
        var request = Member("并发", created.IdNumber, t.BranchOfA) with { Version = created.Version };
        Assert.Contains('*', created.IdNumber);
        var first = await client.PutJsonAsync($"/api/v1/people/{created.Id}", request with { Phone = "111" });
        var second = await client.PutJsonAsync($"/api/v1/people/{created.Id}", request with { Phone = "222" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("已被他人修改", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var now = await (await client.GetAsync($"/api/v1/people/{created.Id}")).ReadAsync<PersonDetail>();
        Assert.Equal("111", now.Phone);
        Assert.Equal(created.IdNumber, now.IdNumber);
    }

    [Fact]
    public async Task Export_OpensInExcel_WithTheFilteredRowsOnly()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var prefix = "导出" + Guid.NewGuid().ToString("N")[..6];
        foreach (var i in Enumerable.Range(1, 3))
        {
            await (await client.PostJsonAsync("/api/v1/people", Resident($"{prefix}{i}", t.BranchOfA))).ReadAsync<PersonDetail>();
        }

        var response = await client.GetAsync($"/api/v1/people/export?name={prefix}");

        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = RosterFiles.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new[] { $"{prefix}1", $"{prefix}2", $"{prefix}3" }, rows.Select(r => r["姓名"] as string).Order());
    }

    private static PersonRequest Resident(string name, int organizationId) =>
        new(name, null, Gender.Female, new DateOnly(1990, 5, 6), MemberStatus.Resident, null, organizationId, null, null, null, null);

    private static PersonRequest Member(string name, string? idNumber, int organizationId) =>
        new(name, idNumber, null, null, MemberStatus.Full, new DateOnly(2015, 7, 1), organizationId, null, null, null, null, FullMemberOn: new DateOnly(2016, 7, 1));
}

[Collection(SqliteCollection.Name)]
public sealed class PeopleApiSqliteTests(SqliteApp app) : PeopleApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PeopleApiPostgresTests(PostgresApp app) : PeopleApiTests(app);
