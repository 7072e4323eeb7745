using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// What the step sections of the case page share: the case, a callback with the fresh case after a step, one set of
/// form errors, and running a command through <see cref="PageOperations"/> (so the page and the API share every rule).
/// </summary>
public abstract class SelectionStepBase : ComponentBase
{
    [Parameter, EditorRequired]
    public SelectionCaseView View { get; set; } = default!;

    [Parameter]
    public EventCallback<SelectionCaseView> OnChanged { get; set; }

    [Inject]
    protected PageOperations Ops { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SelectionText> T { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<RuleText> Rules { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    protected FormErrors Errors { get; } = new();

    /// <summary>A new object after each save: the forms' fields start fresh (no 必填 under a form just saved).</summary>
    protected object FormKey { get; private set; } = new();

    protected bool Saving { get; private set; }

    /// <summary>Runs one step; on success hands the fresh case up and clears the forms.</summary>
    protected async Task<bool> StepAsync<TService>(Func<TService, Task<SelectionCaseView>> step)
        where TService : notnull
    {
        Saving = true;
        try
        {
            SelectionCaseView? fresh = null;
            if (await Errors.RunAsync(async () => fresh = await Ops.RunAsync(step), Rules))
            {
                FormKey = new();
                Snackbar.Add(T["Saved"], Severity.Success);
                await OnChanged.InvokeAsync(fresh!);
                return true;
            }

            return false;
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>A day typed as 2026-05-01; empty is null (the command's default), unreadable is a day the rules refuse.</summary>
    protected static DateOnly? Day(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : DateText.TryParse(text, out var day) ? day : DateOnly.MinValue;
}
