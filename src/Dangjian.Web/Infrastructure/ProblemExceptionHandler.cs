using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Turns the exceptions that mean "your request cannot be done" into ProblemDetails with localized
/// messages (STYLE.md "Errors are ProblemDetails"). Anything else is a 500 without a stack trace.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<RuleText> text, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = Describe(exception, text);
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            log.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The ProblemDetails for an exception; pages use the same mapping to show the same words.</summary>
    public static ProblemDetails Describe(Exception exception, IStringLocalizer<RuleText> text) => exception switch
    {
        InputValidationException v => Validation(v.Errors, text),
        DomainRuleException r => Validation(FieldErrors.From(r), text),
        Dangjian.Domain.Calendar.CalendarYearMissingException y => Validation(new FieldErrors().Add("date", "Calendar.YearMissing", y.Year), text),
        ScopeRefusedException => Problem(StatusCodes.Status403Forbidden, text["Problem.Forbidden"]),
        Dangjian.Data.Secrecy.SecretHistoryBusyException => Problem(StatusCodes.Status503ServiceUnavailable, text["Problem.SecretHistoryBusy"]),
        NotFoundException => Problem(StatusCodes.Status404NotFound, text["Problem.NotFound"]),
        DbUpdateConcurrencyException or ConflictException => Problem(StatusCodes.Status409Conflict, text["Problem.Conflict"]),
        DbUpdateException or DuplicateException => Problem(StatusCodes.Status409Conflict, text["Problem.Duplicate"]),
        BadHttpRequestException { InnerException: System.Text.Json.JsonException j } => Validation(new FieldErrors().Add(FieldOf(j.Path), "Input.Invalid", FieldOf(j.Path)), text),
        BadHttpRequestException b => b.StatusCode == StatusCodes.Status400BadRequest
            ? Validation(new FieldErrors().Add("body", "Input.Invalid", b.Message), text)
            : Problem(b.StatusCode, text["Problem.Validation"]),
        _ => Problem(StatusCodes.Status500InternalServerError, text["Problem.Unexpected"]),
    };

    public static ValidationProblemDetails Validation(FieldErrors errors, IStringLocalizer<RuleText> text) =>
        new(errors.Localize(text))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["Problem.Validation"],
        };

    /// <summary>"$.positions[0].role" → "positions[0].role", the camelCase field name the API uses everywhere.</summary>
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');

    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };
}
