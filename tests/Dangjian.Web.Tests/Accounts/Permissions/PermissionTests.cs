using System.Net;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Accounts.Permissions;

/// <summary>
/// The permission matrix over HTTP, generated from the app's endpoint list (DESIGN.md "Permissions"): every API operation
/// declares its permission or is public; called by each role of township A — and by an anonymous caller — against township
/// B's records, every one is refused and changes nothing; a role holding none of an operation's permissions is refused
/// before the handler runs. A new endpoint is covered the moment it is mapped, or fails here until it can be.
/// </summary>
public abstract class PermissionTests(AppFixture app)
{
    public static TheoryData<string?> CallersOfTownshipA => new() { Demo.OrgAdminA, Demo.Secretary, Demo.Member, null };

    [Fact]
    public void EveryApiOperation_DeclaresAPermission_OrIsPublic()
    {
        var operations = ApiOperations.All(app);

        Assert.True(operations.Count >= 200, $"only {operations.Count} API operations found");
        var bare = operations.Where(o => o.Permission is null && !o.IsAnonymous).Select(o => o.ToString()).ToList();
        Assert.True(bare.Count == 0, "no permission declared (RequirePermission) nor AllowAnonymous: " + string.Join(", ", bare));
        Assert.All(operations.Where(o => o.Permission is not null), o => Assert.NotEmpty(o.Permission!.AnyOf));
    }

    [Fact]
    public async Task TheDemoSecretaryAndMember_AreOfTownshipA()
    {
        var t = await app.TownshipsAsync();
        foreach (var user in new[] { Demo.Secretary, Demo.Member })
        {
            var org = await app.ScopeOrganizationOfAsync(user);
            Assert.True(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Id == org && o.Path.StartsWith(db.Organizations.First(a => a.Id == t.A).Path))), user);
        }
    }

    [Theory]
    [MemberData(nameof(CallersOfTownshipA))]
    public async Task EveryApiOperation_OnTownshipBsRecords_IsRefused_AndChangesNothing(string? user)
    {
        var b = await ForeignRecords.OfAsync(app);
        var client = user is null ? app.AnonymousClient() : await app.ClientForAsync(user);
        var role = user is null ? (AccountRole?)null : await RoleOfAsync(user);
        var failures = new List<string>();
        var targeted = 0;
        var untargeted = new List<string>();
        foreach (var operation in ApiOperations.All(app).Where(o => !o.IsAnonymous))
        {
            var holds = role is { } r && operation.Permission!.AnyOf.Any(p => PermissionMatrix.Allows(r, p));
            foreach (var uploadType in new string?[] { null }.Concat(ApiOperations.UploadTypes))
            {
                var call = ApiOperations.Build(operation, b, uploadType, out var unfilled);
                if (call is null)
                {
                    failures.Add($"{operation}: the test cannot fill {unfilled}; add a record of township B for it to ForeignRecords");
                    break;
                }

                targeted += call.Targeted && uploadType is null ? 1 : 0;
                if (!call.Targeted && uploadType is null)
                {
                    untargeted.Add(operation.ToString());
                }
                var before = await SnapshotAsync(call);
                var response = await client.SendAsync(call.Request);
                var status = (int)response.StatusCode;
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                if (before != await SnapshotAsync(call))
                {
                    failures.Add($"{operation} as {user ?? "anonymous"}: changed something ({status})");
                }

                if (status == 415 && call.Request.Content?.Headers.ContentType?.MediaType != ApiOperations.UploadTypes[^1])
                {
                    continue; // an upload: try the next content type
                }

                var expected = user is null ? [401] : !holds ? [403] : call.Targeted ? [403, 404] : (int[]?)null;
                var refused = expected is null
                    ? status < 500 && (status >= 300 || !(body.Contains(b.TownshipName, StringComparison.Ordinal) || body.Contains(ForeignRecords.Tag, StringComparison.Ordinal)))
                    : expected.Contains(status) || (holds && status == 400 && NamesAForeignField(body, call.ForeignFields));
                if (!refused)
                {
                    failures.Add($"{operation} as {user ?? "anonymous"}: {status} {Shorten(body)} (targets B: {call.Targeted})");
                }

                break;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // A floor, so that a change to the request builder that stops aiming calls at B's records fails here; the rest are
        // district-wide (calendar, templates, audit) or lists answered with the caller's own scope, checked above for B's names.
        Assert.True(targeted >= 170, $"only {targeted} operations aimed at township B's records; the others: " + string.Join(", ", untargeted));
    }

    [Theory]
    [InlineData(Demo.Secretary)]
    [InlineData(Demo.Member)]
    [InlineData(Demo.Supervisor)]
    public async Task AnOperationNoneOfWhosePermissionsTheRoleHolds_IsRefusedBeforeItsHandler(string user)
    {
        // Ids no record has: a handler would answer 404 (or 400); only the permission check answers 403 first.
        var role = await RoleOfAsync(user);
        var client = await app.ClientForAsync(user);
        var failures = new List<string>();
        var refused = 0;
        foreach (var operation in ApiOperations.All(app).Where(o => !o.IsAnonymous && !o.Permission!.AnyOf.Any(p => PermissionMatrix.Allows(role, p))))
        {
            var url = "/" + string.Join('/', operation.Endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "date" } => "1999-01-01",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "2147483647",
                _ => string.Empty,
            }))));
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), url));
            refused++;
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{operation} as {user}: {(int)response.StatusCode}");
            }
        }

        Assert.True(refused > 0, $"{user} holds every permission of every operation");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// A 400 whose field errors name a field the call filled with B's id: the reference itself was refused, as an unknown
    /// one would be ("roles[0]" for "roles[0].organizationId"), so nothing of B is confirmed or touched.
    /// </summary>
    private static bool NamesAForeignField(string body, IReadOnlyList<string> fields)
    {
        if (!body.StartsWith('{'))
        {
            return false;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e =>
            fields.Any(f => f.Equals(e.Name, StringComparison.OrdinalIgnoreCase) || f.StartsWith(e.Name + ".", StringComparison.OrdinalIgnoreCase)));
    }

    private Task<AccountRole> RoleOfAsync(string user) =>
        app.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Role, u.UserName })
            .Where(x => x.UserName == user).Select(x => x.Role).FirstAsync());

    /// <summary>
    /// The audit log's last sequence number and every column of the rows the call names: what any change would touch. The
    /// last sequence rather than the count: the log only grows and every save appends to it, and counting the shared
    /// database's entries before and after each of some 1,400 calls cost about 10 of the 53 seconds on PostgreSQL.
    /// </summary>
    private Task<string> SnapshotAsync(ApiCall call) =>
        app.WithDbAsync(async db =>
        {
            var parts = new List<string> { (await db.AuditEntries.MaxAsync(a => (long?)a.Sequence) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var row in call.Rows.Where(r => r.Entity is not null))
            {
                var entity = await db.FindAsync(row.Entity!, row.Key);
                parts.Add(entity is null ? $"{row.Entity!.Name}#{row.Key}: gone"
                    : string.Join(';', db.Entry(entity).Properties.Select(p => $"{p.Metadata.Name}={Format(p.CurrentValue)}")));
            }

            return string.Join('|', parts);
        });

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;
}

[Collection(SqliteCollection.Name)]
public sealed class PermissionSqliteTests(SqliteApp app) : PermissionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PermissionPostgresTests(PostgresApp app) : PermissionTests(app);
