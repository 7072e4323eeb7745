using Dangjian.Web.Features.PublicForms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Evaluations.Voting;

/// <summary>What the evaluation form shows: the form, and after a POST what was sent back and how it went.</summary>
public sealed record EvaluationFormView(int GroupId, EvaluationForm? Form)
{
    public string Code { get; init; } = string.Empty;

    public IReadOnlyDictionary<(int SubjectId, string Dimension), string> Ratings { get; init; } = new Dictionary<(int, string), string>();

    public string? Receipt { get; init; }

    public bool Refused { get; init; }

    public bool Used { get; init; }

    public IReadOnlyList<MissingRating> Missing { get; init; } = [];
}

/// <summary>
/// The public evaluation form at /public/evaluations/{groupId} (EVA-5): GET shows it, POST submits a response. Like
/// the ballot (<see cref="Elections.Voting.BallotPageEndpoints"/>): minimal endpoints rendering
/// <see cref="EvaluationFormPage"/> as a whole document, the POST's antiforgery token checked by the platform first.
/// </summary>
public static class EvaluationFormEndpoints
{
    public static void MapEvaluationFormPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/evaluations/{groupId:int}", Show).AsFormPage();
        app.MapPost("/public/evaluations/{groupId:int}", Submit).AsFormPage();
    }

    /// <summary>The form; a code from the slip's QR link (?code=) is filled in, normalized, and never checked here.</summary>
    /// <remarks>The page is kept rendered per form version, state and language (<see cref="FormPages"/>).</remarks>
    public static async Task<FormPageResult> Show(int groupId, string? code, EvaluationFormService forms, HttpContext http, CancellationToken ct)
    {
        // A filled-in form or a receipt must not stay in a shared cache or the back-forward cache.
        PublicForm.NoStore(http);
        var form = await forms.FormAsync(groupId, ct);
        var status = form is null ? StatusCodes.Status404NotFound : form.State == FormState.Accepting ? StatusCodes.Status200OK : StatusCodes.Status409Conflict;
        var key = form is null ? null : FormPageKey.For("EvaluationGroup", groupId, form.Version, $"{form.State}|{form.OpensAt.UtcTicks}|{form.ClosesAt.UtcTicks}");
        return FormPages.Page(key, status, PublicForm.CodeFromLink(code), c => Page(new EvaluationFormView(groupId, form) { Code = c }, status));
    }

    public static async Task<IResult> Submit(int groupId, PostedForm posted, EvaluationFormService forms, HttpContext http, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        if (await forms.FormAsync(groupId, ct) is not { } form)
        {
            return Page(new EvaluationFormView(groupId, null), StatusCodes.Status404NotFound);
        }

        var ratings = new Dictionary<(int SubjectId, string Dimension), string>();
        foreach (var s in form.Subjects)
        {
            for (var i = 0; i < form.Dimensions.Count; i++)
            {
                var value = posted[$"r{s.Id}_{i}"].ToString();
                if (value.Length > 0)
                {
                    ratings[(s.Id, form.Dimensions[i].Name)] = value;
                }
            }
        }

        var sent = new EvaluationFormView(groupId, form) { Code = posted["code"].ToString(), Ratings = ratings };
        var result = await forms.SubmitAsync(form, sent.Code, ratings, ct);
        switch (result.Outcome)
        {
            case ResponseOutcome.Accepted:
                // The receipt page shows the form's title and the receipt only: kept rendered, the receipt in its hole.
                return FormPages.Page(
                    FormPageKey.For("EvaluationGroup", groupId, form.Version, "receipt"), StatusCodes.Status200OK, result.Receipt!,
                    r => Page(new EvaluationFormView(groupId, form) { Receipt = r }, StatusCodes.Status200OK));
            case ResponseOutcome.Invalid:
                return Page(sent with { Missing = result.Missing }, StatusCodes.Status422UnprocessableEntity);
            case ResponseOutcome.NotOpen:
                // Read again to say why (not yet open, or closed); a form that still looks open was closed meanwhile.
                var now = await forms.FormAsync(groupId, ct) ?? form;
                return Page(sent with { Form = now with { State = now.State == FormState.Accepting ? FormState.Closed : now.State } }, StatusCodes.Status409Conflict);
            case ResponseOutcome.AlreadyUsed:
                // The code was issued and has been used: say so, so an evaluator whose reply was lost knows it counted.
                // Nothing stored links the code to its response.
                return Page(sent with { Used = true, Code = string.Empty }, StatusCodes.Status409Conflict);
            default:
                // One answer for a wrong and a mistyped code: same status, same words, the code field emptied.
                return Page(sent with { Refused = true, Code = string.Empty }, StatusCodes.Status403Forbidden);
        }
    }

    private static RazorComponentResult<EvaluationFormPage> Page(EvaluationFormView view, int status) =>
        new(new Dictionary<string, object?> { [nameof(EvaluationFormPage.View)] = view }) { StatusCode = status };
}
