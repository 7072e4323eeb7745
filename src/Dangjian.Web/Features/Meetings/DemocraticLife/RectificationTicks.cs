using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>
/// The ticked measures of a list and their one save (整改完成 of many, the bulk entry pattern of DESIGN.md): what is
/// ticked, the shared day and evidence, and the row errors of the last save by measure, as the API named them.
/// </summary>
public sealed class RectificationTicks
{
    private List<int> _sent = [];

    public HashSet<int> Ids { get; } = [];

    public FormErrors Errors { get; } = new();

    public string? DoneOn { get; set; }

    public string? Evidence { get; set; }

    public bool Saving { get; private set; }

    public void Tick(int id, bool on)
    {
        if (!on)
        {
            Ids.Remove(id);
        }
        else
        {
            Ids.Add(id);
        }
    }

    /// <summary>Ticks all the open ones (checked or the mixed state clicked) or none.</summary>
    public void TickAll(bool? on, IEnumerable<int> open)
    {
        Ids.Clear();
        if (on != false)
        {
            Ids.UnionWith(open);
        }
    }

    /// <summary>Forgets ticks of measures no longer open (done elsewhere, or gone after a reload).</summary>
    public void Keep(IEnumerable<int> open) => Ids.IntersectWith(open);

    /// <summary>The message for a measure sent in the last save, "第 N 行（measure）：…", or null.</summary>
    public string? RowError(int id) =>
        _sent.IndexOf(id) is >= 0 and var at
            ? new[] { "id", "status", "evidence", "doneOn" }.Select(f => Errors.For($"rows[{at}].{f}")).FirstOrDefault(m => m is not null)
            : null;

    /// <summary>Sends the ticked ones in the order shown (so "第 N 行" counts as the list reads); true when all were done.</summary>
    public async Task<bool> CompleteAsync(IEnumerable<RectificationView> shown, Func<CompleteRectificationsRequest, Task> send, IStringLocalizer<RuleText> rules)
    {
        if (Saving)
        {
            return false;
        }

        Saving = true;
        try
        {
            var rows = shown.Where(r => Ids.Contains(r.Id)).Select(r => new RowVersion(r.Id, r.Version)).ToList();
            _sent = [.. rows.Select(r => r.Id)];
            var ok = await Errors.RunAsync(async () =>
            {
                var errors = new FieldErrors();
                var doneOn = DateInput.Parse(errors, "doneOn", "Field.DemocraticLife.DoneOn", DoneOn);
                errors.ThrowIfAny();
                await send(new CompleteRectificationsRequest(rows, doneOn, Evidence));
            }, rules);
            if (ok)
            {
                Ids.Clear();
                Evidence = null;
            }

            return ok;
        }
        finally
        {
            Saving = false;
        }
    }

    public static bool IsOpen(RectificationView r) => r.Status == RectificationStatus.Open;
}
