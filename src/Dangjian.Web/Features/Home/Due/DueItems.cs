using Dangjian.Domain.Organizations;

namespace Dangjian.Web.Features.Home.Due;

/// <summary>
/// The figures of a <see cref="DueSummaryView"/> as lines that drill down: each links to the list page behind it, with
/// that page's filter in the address where the page takes one (README "Dashboards" lists the pages without one).
/// Keys are HomeText resource names.
/// </summary>
public static class DueItems
{
    public static IReadOnlyList<DueItem> Of(DueSummaryView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var org = v.OrganizationId;
        var items = new List<DueItem>();
        if (v.Terms is { } terms)
        {
            items.Add(new("Due.TermsOverdue", terms.Overdue, "terms", terms.Overdue > 0));
            items.Add(new("Due.TermsEndingSoon", terms.EndingSoon, "terms", terms.EndingSoon > 0));
        }

        if (v.Elections is { } elections)
        {
            items.AddRange(elections.Select(e => new DueItem("Due.Elections", e.Count, "elections", false, e.Stage)));
        }

        if (v.MeetingsOverdue is { } meetings)
        {
            // The compliance list filters by township only: a township (or street) passes through, others show the whole scope.
            var township = org is { } t && v.OrganizationKind is { } kind && kind.Tier() == 1 ? $"&townshipId={t}" : string.Empty;
            items.Add(new("Due.MeetingsOverdue", meetings, "meetings/compliance?overdueOnly=true" + township, meetings > 0));
        }

        if (v.DemocraticLife is { } dlm)
        {
            items.Add(new("Due.DlmNotHeld", dlm.NotHeld, "meetings/democratic-life", dlm.NotHeld > 0));
            items.Add(new("Due.DlmRectificationsOverdue", dlm.OverdueRectifications, "meetings/democratic-life", dlm.OverdueRectifications > 0));
            items.Add(new("Due.DlmRectificationsOpen", dlm.OpenRectifications, "meetings/democratic-life", false));
        }

        if (v.EvaluationFollowUpsOpen is { } followUps)
        {
            items.Add(new("Due.EvaluationFollowUps", followUps, "evaluations", false));
        }

        if (v.Commitments is { } commitments)
        {
            items.Add(new("Due.CommitmentsOverdue", commitments.Overdue, "commitments" + Org(org, '?'), commitments.Overdue > 0));
            items.Add(new("Due.CommitmentsRectifying", commitments.Rectifying, "commitments" + Org(org, '?'), false));
        }

        if (v.Study is { } study)
        {
            items.Add(new("Due.StudyShortfalls", study.Shortfalls, "study/compliance?shortfallsOnly=true" + Org(org, '&'), study.Shortfalls > 0));
            items.Add(new("Due.ExamMakeUpDue", study.ExamMakeUpDue, "study/exams?state=MakeUpDue" + Org(org, '&'), study.ExamMakeUpDue > 0));
            items.Add(new("Due.ExamSuspended", study.ExamSuspended, "study/exams?state=Suspended" + Org(org, '&'), study.ExamSuspended > 0));
        }

        if (v.Dues is { } dues)
        {
            items.Add(new("Due.DuesFlagged", dues.Flagged, "dues" + Org(org, '?'), dues.Flagged > 0));
            items.Add(new("Due.DuesInArrears", dues.MembersInArrears, "dues" + Org(org, '?'), false));
        }

        if (v.Supervision is { } supervision)
        {
            items.Add(new("Due.NoticesOverdue", supervision.OverdueNotices, "supervision/notices?overdue=true" + Org(org, '&'), supervision.OverdueNotices > 0));
            items.Add(new("Due.NoticesOpen", supervision.OpenNotices, "supervision/notices" + Org(org, '?'), false));
            items.Add(new("Due.ReportsOpen", supervision.OpenReports, "supervision/reports", supervision.OpenReports > 0));
        }

        if (v.SelectionsInPublicity is { } selections)
        {
            items.Add(new("Due.SelectionsInPublicity", selections, "cadres/selection" + Org(org, '?'), false));
        }

        if (v.ServiceRequestsOverdue is { } services)
        {
            items.Add(new("Due.ServicesOverdue", services, "services" + Org(org, '?'), services > 0));
        }

        return items;
    }

    private static string Org(int? organizationId, char separator) => organizationId is { } id ? $"{separator}organizationId={id}" : string.Empty;
}
