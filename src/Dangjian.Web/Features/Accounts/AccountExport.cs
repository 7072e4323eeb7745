using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Accounts;

/// <summary>
/// The accounts list as .xlsx (RPT-2): the accounts the caller manages, as <see cref="AccountService.ListAsync"/> gives
/// them to the page, with their roles, state and count of live tokens; never a token or a password.
/// </summary>
public sealed class AccountExport(AccountService accounts, IStringLocalizer<AccountText> text, EnumLabels labels)
{
    public async Task<byte[]> ListAsync(CancellationToken ct = default)
    {
        var rows = await accounts.ListAsync(ct);
        return await ListSheet.SaveAsync<AccountView>(text["Sheet"], rows,
        [
            (text["UserName"], a => ExcelFile.Safe(a.UserName)),
            (text["DisplayName"], a => ExcelFile.Safe(a.DisplayName)),
            (text["Roles"], a => ExcelFile.Safe(string.Join("；", a.Roles.Select(g => $"{labels.Of(g.Role)} · {g.OrganizationName}")))),
            (text["State"], a => a.LockedOut ? text["LockedOutState"].Value : text["ActiveState"].Value),
            (text["Tokens"], a => a.Tokens.Count(t => t.RevokedAt is null)),
        ], ct);
    }
}
