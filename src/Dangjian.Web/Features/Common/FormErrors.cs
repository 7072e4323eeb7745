using Dangjian.Domain.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// The page-side twin of ProblemDetails: the exceptions the API turns into 400/403/404/409 become
/// per-field messages and a summary on a form, in the same words.
/// </summary>
public sealed class FormErrors
{
    private Dictionary<string, string[]> _fields = [];

    public string? Summary { get; private set; }

    /// <summary>The HTTP status the API would answer for the last failure (409 for an edit conflict), or null.</summary>
    public int? Status { get; private set; }

    public bool Any => Summary is not null || _fields.Count > 0;

    /// <summary>The message for one field (camelCase name as in the API), or null.</summary>
    public string? For(string field) => _fields.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public bool Has(string field) => _fields.ContainsKey(field);

    public void Clear()
    {
        _fields = [];
        Summary = null;
        Status = null;
    }

    /// <summary>Runs a command; on a known failure records its messages and returns false.</summary>
    public async Task<bool> RunAsync(Func<Task> command, IStringLocalizer<RuleText> text)
    {
        Clear();
        try
        {
            await command();
            return true;
        }
        catch (InputValidationException e)
        {
            _fields = e.Errors.Localize(text);
            Summary = text["Problem.Validation"];
            Status = StatusCodes.Status400BadRequest;
            return false;
        }
        catch (DomainRuleException e)
        {
            _fields = FieldErrors.From(e).Localize(text);
            Summary = string.Join(" ", _fields.Values.SelectMany(v => v));
            Status = StatusCodes.Status400BadRequest;
            return false;
        }
        catch (Exception e) when (e is ScopeRefusedException or NotFoundException or ConflictException or DuplicateException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            var problem = ProblemExceptionHandler.Describe(e, text);
            Summary = problem.Title;
            Status = problem.Status;
            return false;
        }
    }
}
