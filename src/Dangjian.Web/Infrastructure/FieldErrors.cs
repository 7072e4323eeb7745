using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Infrastructure;

/// <summary>One input error: the field (camelCase, as in the API), a RuleText key and its arguments.</summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments);

/// <summary>
/// Collects input errors so a request is checked whole and every bad field is named at once
/// (DESIGN.md "Bad input"). The API turns them into ProblemDetails; pages show them by their fields.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Items => _errors;

    public bool Any => _errors.Count > 0;

    /// <summary>The organization a request names (query or body), refused as required when it names none.</summary>
    public static int RequireOrganization(int? organizationId) =>
        organizationId ?? throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));

    public FieldErrors Add(string field, string code, params object[] arguments)
    {
        _errors.Add(new FieldError(field, code, arguments));
        return this;
    }

    /// <summary>Every problem a Domain rule found with a whole record, under its field.</summary>
    public FieldErrors AddAll(IEnumerable<FieldProblem> problems)
    {
        foreach (var p in problems)
        {
            Add(p.Field, p.Code, p.Arguments);
        }

        return this;
    }

    /// <summary>
    /// Every error of one row of a bulk request, under "collection[index].field" and with the row named in the message
    /// ("第 3 行（张三）：…"), so the whole request is refused with each bad row pointed at.
    /// </summary>
    public FieldErrors AddRow(string collection, int index, string rowName, FieldErrors row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var e in row.Items)
        {
            Add($"{collection}[{index}].{e.Field}", "Input.InRow", index + 1, rowName, e);
        }

        return this;
    }

    /// <summary>Required text, trimmed, at most <paramref name="max"/> characters; returns the trimmed value.</summary>
    public string Text(string field, string label, string? value, int max, bool required = true)
    {
        var v = value?.Trim() ?? string.Empty;
        if (required && v.Length == 0)
        {
            Add(field, "Input.Required", label);
        }
        else if (v.Length > max)
        {
            Add(field, "Input.TooLong", label, max);
        }

        return v;
    }

    /// <summary>Whether a day is inside <see cref="SaneDates"/>; when not, the field is named with the range. Null passes.</summary>
    public bool SaneDay(string field, string label, DateOnly? day)
    {
        if (day is { } d && !SaneDates.Contains(d))
        {
            Add(field, SaneDates.OutOfRange, label, SaneDates.MinText, SaneDates.MaxText);
            return false;
        }

        return true;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputValidationException(this);
        }
    }

    /// <summary>Localized messages per field, as ValidationProblemDetails wants them.</summary>
    public Dictionary<string, string[]> Localize(IStringLocalizer<RuleText> text) =>
        _errors.GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => Localize(text, e.Code, e.Arguments)).ToArray());

    public static string Localize(IStringLocalizer<RuleText> text, string code, IReadOnlyList<object> arguments)
    {
        var args = arguments.Select(a => a switch
        {
            FieldError inner => Localize(text, inner.Code, inner.Arguments),
            string s when text[s] is { ResourceNotFound: false } found => found.Value,
            _ => a,
        }).ToArray();
        return text[code, args];
    }

    public static FieldErrors From(DomainRuleException e) => new FieldErrors().AddAll(e.Problems);
}

public sealed class InputValidationException : Exception
{
    public InputValidationException(FieldErrors errors)
        : base("The input has errors.") => Errors = errors;

    public InputValidationException()
        : this(new FieldErrors())
    {
    }

    public InputValidationException(string message)
        : base(message) => Errors = new FieldErrors();

    public InputValidationException(string message, Exception inner)
        : base(message, inner) => Errors = new FieldErrors();

    public FieldErrors Errors { get; }
}
