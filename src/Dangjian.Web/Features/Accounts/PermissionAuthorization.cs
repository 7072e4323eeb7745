using Dangjian.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Dangjian.Web.Features.Accounts;

/// <summary>
/// The permission an endpoint asks for, as endpoint metadata (DESIGN.md "Permissions"); any one of
/// <see cref="AnyOf"/> will do. The authorization middleware turns it into a requirement: a caller who is not signed
/// in gets 401, one none of whose roles holds the permission anywhere 403, before the handler runs. Which organization
/// the call touches is the handler's to check, against the same permission (<see cref="ScopeService"/>).
/// </summary>
public sealed class PermissionMetadata(IReadOnlyList<Permission> anyOf) : IAuthorizationRequirementData
{
    public IReadOnlyList<Permission> AnyOf { get; } = anyOf;

    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        [new DenyAnonymousAuthorizationRequirement(), new PermissionRequirement(AnyOf)];

    public override string ToString() => string.Join(" | ", AnyOf.Select(PermissionMatrix.NameOf));
}

/// <summary>Met when one of the caller's roles holds one of the permissions, over any subtree.</summary>
public sealed class PermissionRequirement(IReadOnlyList<Permission> anyOf) : IAuthorizationRequirement
{
    public IReadOnlyList<Permission> AnyOf { get; } = anyOf;
}

/// <summary>Decides <see cref="PermissionRequirement"/> from the caller's role assignments, loaded fresh per request.</summary>
public sealed class PermissionHandler(ScopeService scopes) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var scope = await scopes.GetAsync();
        if (requirement.AnyOf.Any(scope.Holds))
        {
            context.Succeed(requirement);
        }
    }
}

public static class PermissionEndpoints
{
    /// <summary>The endpoint (or every endpoint of the group) asks for one of <paramref name="anyOf"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params Permission[] anyOf)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (anyOf.Length == 0)
        {
            throw new ArgumentException("An endpoint asks for at least one permission.", nameof(anyOf));
        }

        return builder.WithMetadata(new PermissionMetadata(anyOf));
    }
}
