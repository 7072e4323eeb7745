using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>
/// The life of a meeting's minutes (MTG-8): one draft at a time; signing fixes the text and, the first time, takes the
/// next number in the organization's sequence for the meeting's year; a correction is a new draft revision that keeps
/// the number, and when it is signed the revision it replaces becomes superseded (still shown).
/// Source: seed 000 三 (形成专门纪要，按独立序列实行年度编号).
/// </summary>
public static class MinutesRevisions
{
    /// <summary>The sequence's year: the meeting's, not the signing day's (a 12-31 meeting signed in January is last year's).</summary>
    public static int YearOf(DateOnly meetingDate) => meetingDate.Year;

    /// <summary>The next number after the highest taken in the organization's sequence for the year (1 for the first).</summary>
    public static int NextNumber(IEnumerable<int> taken) => taken.DefaultIfEmpty(0).Max() + 1;

    /// <summary>The first text of a meeting's minutes.</summary>
    public static MeetingMinutes FirstDraft(int meetingId, int organizationId, DateOnly meetingDate, string text) =>
        new()
        {
            MeetingId = meetingId,
            OrganizationId = organizationId,
            Year = YearOf(meetingDate),
            Revision = 1,
            Text = text,
            Status = MinutesStatus.Draft,
        };

    /// <summary>Changes a draft's text; a signed or superseded revision is locked.</summary>
    public static void Edit(MeetingMinutes minutes, string text)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Status != MinutesStatus.Draft)
        {
            throw new DomainRuleException("Minutes.Locked", "text", minutes.Display ?? string.Empty);
        }

        minutes.Text = text;
    }

    /// <summary>
    /// Signs the draft. A correction (<paramref name="replaced"/> given) keeps the replaced revision's number and
    /// supersedes it; a first signing takes <paramref name="nextNumber"/> for the meeting's year.
    /// </summary>
    public static void Sign(MeetingMinutes draft, MeetingMinutes? replaced, DateOnly meetingDate, int nextNumber, string signedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Status != MinutesStatus.Draft)
        {
            throw new DomainRuleException("Minutes.Locked", "version", draft.Display ?? string.Empty);
        }

        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            throw new DomainRuleException("Minutes.EmptyText", "text");
        }

        if (replaced is not null)
        {
            if (replaced.Status != MinutesStatus.SignedOff || replaced.Number is null)
            {
                throw new DomainRuleException("Minutes.NothingToCorrect", "version");
            }

            draft.Year = replaced.Year;
            draft.Number = replaced.Number;
            replaced.Status = MinutesStatus.Superseded;
        }
        else
        {
            draft.Year = YearOf(meetingDate);
            draft.Number = nextNumber;
        }

        draft.Status = MinutesStatus.SignedOff;
        draft.SignedBy = signedBy;
        draft.SignedAt = at;
    }

    /// <summary>A correction of signed minutes: a new draft revision with the reason, prefilled with the signed text.</summary>
    public static MeetingMinutes Correction(MeetingMinutes signedOff, string reason, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(signedOff);
        if (signedOff.Status != MinutesStatus.SignedOff || signedOff.Number is null)
        {
            throw new DomainRuleException("Minutes.NothingToCorrect", "reason");
        }

        return new MeetingMinutes
        {
            MeetingId = signedOff.MeetingId,
            OrganizationId = signedOff.OrganizationId,
            Year = signedOff.Year,
            Number = signedOff.Number,
            Revision = signedOff.Revision + 1,
            Text = string.IsNullOrWhiteSpace(text) ? signedOff.Text : text,
            Status = MinutesStatus.Draft,
            CorrectionReason = reason,
        };
    }
}
