using System.Globalization;
using System.Text;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Meetings.Minutes;

/// <summary>
/// Writes a first draft of the 纪要 from what the meeting recorded (MTG-8): time and place, who presided, who attended
/// and who was absent and why, then item by item the discussion in the order spoken, the vote and the decision, any
/// ruling and the follow-up. The clerk edits it; nothing here is a rule.
/// </summary>
public sealed class MinutesDraft(IStringLocalizer<MinutesText> text, EnumLabels labels)
{
    public string Compose(MinutesDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var s = new StringBuilder();
        var when = DateText.Format(d.MeetingDate) + (d.StartTime is { } t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty);
        var at = d.Location is { Length: > 0 } place ? text["Draft.At", place].Value : string.Empty;
        s.AppendLine(text["Draft.Opening", when, at, labels.Of(d.MeetingType)].Value);
        if (d.SecretaryName is { Length: > 0 } chair)
        {
            s.AppendLine(text["Draft.Chair", chair].Value);
        }

        s.AppendLine(text["Draft.Attendance", d.Present.Count + d.Absent.Count, d.Present.Count, Punctuation.JoinList(d.Present)].Value);
        if (d.Absent.Count > 0)
        {
            s.AppendLine(text["Draft.Absent", Punctuation.JoinList(d.Absent.Select(a => a.Reason is { Length: > 0 } r ? text["Draft.WithReason", a.Name, r].Value : a.Name))].Value);
        }

        if (d.NonVoting.Count > 0)
        {
            s.AppendLine(text["Draft.NonVoting", Punctuation.JoinList(d.NonVoting)].Value);
        }

        foreach (var item in d.Items)
        {
            s.AppendLine();
            s.AppendLine(text["Draft.Item", item.Order, item.Title, labels.Of(item.Category)].Value);
            foreach (var speech in item.Speeches)
            {
                var view = speech.View is { } v ? text["Draft.View", labels.Of(v)].Value : string.Empty;
                s.AppendLine(text["Draft.Speech", speech.Name, view, speech.Summary ?? string.Empty].Value.TrimEnd());
            }

            if (item.VotesFor is { } votesFor)
            {
                s.AppendLine(text["Draft.Votes", votesFor, item.VotesAgainst ?? 0, item.VotesAbstain ?? 0].Value);
            }

            if (item.Outcome is { } outcome)
            {
                s.AppendLine(text["Draft.Outcome", labels.Of(outcome)].Value);
            }
            else if (item.Status == ItemStatus.AwaitingRuling)
            {
                s.AppendLine(text["Draft.Outcome", labels.Of(item.Status)].Value);
            }

            if (item.RulingText is { Length: > 0 } ruling)
            {
                s.AppendLine(text["Draft.Ruling", ruling].Value);
            }

            if (item.FollowUp is { Length: > 0 } followUp)
            {
                s.AppendLine(text["Draft.FollowUp", followUp].Value);
            }
        }

        var draft = s.ToString().TrimEnd();
        return draft.Length <= MeetingMinutes.MaxTextLength ? draft : draft[..MeetingMinutes.MaxTextLength];
    }
}
