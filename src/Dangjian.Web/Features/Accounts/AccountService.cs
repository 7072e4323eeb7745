using Dangjian.Data;
using Dangjian.Data.Accounts;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Accounts;

/// <summary>
/// Accounts and their roles (ORG-5): admins create accounts for people in their subtree, grant roles
/// they may grant, unlock sign-ins and revoke bearer tokens; tokens are issued by their holder or a district admin.
/// Passwords only through ASP.NET Core Identity.
/// </summary>
public sealed class AccountService(
    DangjianDbContext db, UserManager<AppUser> users, ScopeService scopes, CurrentUser current, TimeProvider time, IOptions<IdentityOptions> identity,
    SignInThrottle throttle)
{
    /// <summary>The password rules Identity enforces, for forms to show before anyone types.</summary>
    public PasswordOptions PasswordRules => identity.Value.Password;

    public async Task<MeView> MeAsync(CancellationToken ct = default)
    {
        var id = current.UserId ?? throw new ScopeRefusedException();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        var scope = await scopes.GetAsync(ct);
        return new MeView(user.Id, user.UserName!, user.DisplayName, user.PersonId, await GrantsAsync([id], ct) is var g && g.TryGetValue(id, out var mine) ? mine : [], scope.SeesFullIdNumbers);
    }

    /// <summary>
    /// Accounts with at least one role inside the caller's account-management scope. Only those who
    /// manage accounts (district admins, OrgAdmins) may list them.
    /// </summary>
    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken ct = default)
    {
        var scope = await DemandManagesAnyAsync(ct);
        var orgs = await scopes.OrganizationsAsync(Permission.AccountsManage, ct);
        var ids = await db.RoleAssignments.AsNoTracking()
            .Join(orgs, r => r.OrganizationId, o => o.Id, (r, o) => r.UserId)
            .Distinct().ToListAsync(ct);
        var grants = await GrantRowsAsync(ids, ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => ids.Contains(t.UserId))
            .Select(t => new { t.UserId, View = new TokenView(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt) }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var list = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.UserName).ToListAsync(ct);
        return list.Select(u =>
            {
                var mine = grants.Where(g => g.UserId == u.Id).ToList();
                var manages = mine.All(g => scope.MayGrant(g.View.Role, g.Path));
                var own = u.Id == current.UserId;
                return new AccountView(
                    u.Id, u.UserName!, u.DisplayName, u.PersonId, u.LockoutEnd > now || throttle.IsHeldBack(u.NormalizedUserName ?? string.Empty),
                    mine.Select(g => g.View).OrderBy(v => v.Role).ThenBy(v => v.OrganizationName, StringComparer.Ordinal).ToList(),
                    tokens.Where(t => t.UserId == u.Id).Select(t => t.View).OrderByDescending(t => t.CreatedAt).ToList(),
                    manages, !current.ActsAsAnother && scope.MayIssueToken(own, manages), own);
            })
            .ToList();
    }

    /// <summary>The roles the caller may grant: DistrictAdmin only to district admins (ORG-5).</summary>
    public async Task<IReadOnlyList<AccountRole>> GrantableRolesAsync(CancellationToken ct = default)
    {
        var scope = await DemandManagesAnyAsync(ct);
        return Enum.GetValues<AccountRole>().Where(r => r != AccountRole.DistrictAdmin || scope.IsDistrictAdmin).ToList();
    }

    /// <summary>Active organizations the caller may grant roles over, matching a name or code; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<OrganizationRef>> GrantableOrganizationsAsync(string? search, int take = 30, CancellationToken ct = default)
    {
        await DemandManagesAnyAsync(ct);
        var orgs = (await scopes.OrganizationsAsync(Permission.AccountsManage, ct)).Where(o => o.Status == OrganizationStatus.Active);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            orgs = orgs.Where(o => o.Name.Contains(s) || o.Code.StartsWith(s));
        }

        return await orgs.OrderBy(o => o.Path.Length).ThenBy(o => o.Path)
            .Take(Math.Clamp(take, 1, 200))
            .Select(o => new OrganizationRef(o.Id, o.Code, o.Name, o.Kind))
            .ToListAsync(ct);
    }

    public async Task<string> CreateAsync(CreateAccountRequest r, CancellationToken ct = default)
    {
        var scope = await DemandManagesAnyAsync(ct);
        var errors = new FieldErrors();
        var userName = errors.Text("userName", "Field.UserName", r.UserName, 64);
        var displayName = errors.Text("displayName", "Field.DisplayName", r.DisplayName, 100);
        if (string.IsNullOrEmpty(r.Password))
        {
            errors.Add("password", "Input.Required", "Field.Password");
        }
        else
        {
            await CheckPasswordAsync(r.Password, errors);
        }

        if (userName.Length > 0 && userName.Any(c => !identity.Value.User.AllowedUserNameCharacters.Contains(c)))
        {
            errors.Add("userName", "Account.UserNameCharacters");
        }

        var roles = r.Roles ?? [];
        if (roles.Count == 0)
        {
            errors.Add("roles", "Input.Required", "Field.Role");
        }

        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i].Role is not { } role || !Enum.IsDefined(role))
            {
                errors.Add($"roles[{i}]", "Input.Required", "Field.Role");
                continue;
            }

            if (roles[i].OrganizationId is not { } orgId)
            {
                errors.Add($"roles[{i}]", "Input.Required", "Field.Organization");
                continue;
            }

            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId && o.Status == OrganizationStatus.Active).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.MayGrant(role, path))
            {
                errors.Add($"roles[{i}]", "Account.RoleNotGrantable");
            }
        }

        if (r.PersonId is { } personId)
        {
            var personPath = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved)
                .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => o.Path).FirstOrDefaultAsync(ct);
            if (personPath is null || !scope.Allows(Permission.AccountsManage, personPath))
            {
                errors.Add("personId", "Input.UnknownPerson");
            }
        }

        if (userName.Length > 0 && await users.FindByNameAsync(userName) is not null)
        {
            errors.Add("userName", "Account.UserNameTaken", userName);
        }

        errors.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = userName, DisplayName = displayName, PersonId = r.PersonId, CreatedAt = time.GetUtcNow() };
        var result = await users.CreateAsync(user, r.Password!);
        if (!result.Succeeded)
        {
            var failed = new FieldErrors();
            foreach (var e in result.Errors)
            {
                if (e.Code.Contains("Password", StringComparison.Ordinal))
                {
                    AddPasswordError(failed, e);
                }
                else
                {
                    failed.Add(e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "password", "Account.Rejected", e.Description);
                }
            }

            throw new InputValidationException(failed);
        }

        foreach (var g in roles.Select(g => (g.Role!.Value, g.OrganizationId!.Value)).Distinct())
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = g.Item1, OrganizationId = g.Item2 });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user.Id;
    }

    /// <summary>
    /// A new token for an account: by its holder, or by a district admin who manages it; every call made with an admin's
    /// token is logged as "admin as holder", and the issue itself as "ApiToken.IssuedActingAs" on the account.
    /// </summary>
    public async Task<IssuedToken> IssueTokenAsync(string userId, IssueTokenRequest r, CancellationToken ct = default)
    {
        var holder = await DemandIssueAsync(userId, ct);
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.TokenName", r.Name, 100);
        if (r.ExpiresInDays is < 1 or > 3650)
        {
            errors.Add("expiresInDays", "Input.OutOfRange", "Field.ExpiresInDays", 1, 3650);
        }

        errors.ThrowIfAny();
        var secret = ApiTokenAuthenticationHandler.NewSecret();
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = ApiTokenAuthenticationHandler.Hash(secret),
            CreatedAt = now,
            CreatedBy = current.Name,
            ExpiresAt = r.ExpiresInDays is { } d ? now.AddDays(d) : null,
        };
        db.ApiTokens.Add(token);
        if (token.IsActingAs(holder))
        {
            db.AddAuditEvent("ApiToken.IssuedActingAs", nameof(AppUser), userId, new { Token = name, Holder = holder, IssuedBy = token.CreatedBy });
        }

        await db.SaveChangesAsync(ct);
        return new IssuedToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    /// <summary>Revoking only takes power away, so the holder and anyone who manages the account may.</summary>
    public async Task RevokeTokenAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        if (userId != current.UserId || current.ActsAsAnother)
        {
            await DemandManageAsync(userId, ct);
        }

        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct) ?? throw new NotFoundException("token", tokenId);
        token.RevokedAt ??= time.GetUtcNow();
        db.AuditAction = "ApiToken.Revoked";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Lets an account sign in again at once: forgets its failed sign-ins from every address (the waits of
    /// <see cref="SignInThrottle"/>) and lifts any Identity lockout, through Identity so its stamps stay right.
    /// Scope-checked like revoking tokens; audited as "Account.Unlocked" whether or not anything was held.
    /// </summary>
    public async Task UnlockAsync(string userId, CancellationToken ct = default)
    {
        await DemandManageAsync(userId, ct);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("account", userId);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.AuditAction = "Account.Unlocked";
        Succeeded(await users.UpdateAsync(user));
        throttle.Clear(user.NormalizedUserName ?? string.Empty);
    }

    private static void Succeeded(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new DbUpdateConcurrencyException("The account was changed by someone else.");
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    /// <summary>Runs Identity's password validators so the form names every unmet rule with the other field errors.</summary>
    private async Task CheckPasswordAsync(string password, FieldErrors errors)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            foreach (var e in result.Errors)
            {
                AddPasswordError(errors, e);
            }
        }
    }

    private void AddPasswordError(FieldErrors errors, IdentityError e)
    {
        var rules = identity.Value.Password;
        _ = e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => errors.Add("password", "Account.PasswordTooShort", rules.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => errors.Add("password", "Account.PasswordRequiresDigit"),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => errors.Add("password", "Account.PasswordRequiresLower"),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => errors.Add("password", "Account.PasswordRequiresUpper"),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => errors.Add("password", "Account.PasswordRequiresNonAlphanumeric"),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => errors.Add("password", "Account.PasswordRequiresUniqueChars", rules.RequiredUniqueChars),
            _ => errors.Add("password", "Account.PasswordRejected", e.Description),
        };
    }

    /// <summary>Only those who manage accounts somewhere (district admins, OrgAdmins) may use account management.</summary>
    private async Task<Scope> DemandManagesAnyAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope.Roots(Permission.AccountsManage).Count == 0)
        {
            throw new ScopeRefusedException();
        }

        return scope;
    }

    /// <summary>
    /// The holder may issue tokens for their own account; a district admin for an account they manage. A token that
    /// itself acts as another may issue none: the new token would name only the holder and hide the admin.
    /// Returns the holder's user name.
    /// </summary>
    private async Task<string> DemandIssueAsync(string userId, CancellationToken ct)
    {
        var holder = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        var own = userId == current.UserId;
        var scope = await scopes.GetAsync(ct);
        if (holder is null || current.ActsAsAnother || !scope.MayIssueToken(own, !own && await ManagesAsync(scope, userId, ct)))
        {
            throw new ScopeRefusedException();
        }

        return holder;
    }

    /// <summary>The caller may manage an account when every one of its roles lies inside the caller's account scope.</summary>
    private async Task DemandManageAsync(string userId, CancellationToken ct)
    {
        if (!await ManagesAsync(await scopes.GetAsync(ct), userId, ct))
        {
            throw new ScopeRefusedException();
        }
    }

    private async Task<bool> ManagesAsync(Scope scope, string userId, CancellationToken ct)
    {
        var paths = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r.Role, o.Path }).ToListAsync(ct);
        return paths.Count > 0 && paths.All(p => scope.MayGrant(p.Role, p.Path));
    }

    private async Task<Dictionary<string, IReadOnlyList<GrantView>>> GrantsAsync(IReadOnlyList<string> userIds, CancellationToken ct) =>
        (await GrantRowsAsync(userIds, ct)).GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<GrantView>)g.Select(x => x.View).OrderBy(v => v.Role).ToList());

    private async Task<List<GrantRow>> GrantRowsAsync(IReadOnlyList<string> userIds, CancellationToken ct) =>
        await db.RoleAssignments.AsNoTracking().Where(r => userIds.Contains(r.UserId))
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new GrantRow(r.UserId, new GrantView(r.Role, o.Id, o.Name), o.Path))
            .ToListAsync(ct);

    private sealed record GrantRow(string UserId, GrantView View, string Path);
}
