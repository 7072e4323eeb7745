using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;

namespace Dangjian.Data.Demo;

/// <summary>
/// Seats with their own days (ORG-2) in the demo: in the last township, one branch team in office changed a committee
/// member half a year ago — the member's seat ends the day before their successor's begins, both kept, so the team shows
/// who served when. Chosen and dated from the plan, nothing drawn, so the rest of the demo stays as it was; called before
/// the teams' first save (the people already have their ids; the successor's seat is not among the plan's seats).
/// </summary>
internal static class DemoSeatChanges
{
    public static void AddReplacement(DemoPlan plan, DateOnly today)
    {
        var on = today.AddMonths(-6);
        var township = plan.Organizations.Last(o => o.Level == 1);
        foreach (var team in plan.Teams.Where(t => t.Org.Entity.Kind == OrganizationKind.Branch && Within(t.Org, township)
            && t.Entity.StartsOn < on && t.Entity.EndsOn >= today))
        {
            var seat = team.Entity.Positions.FirstOrDefault(p => p.Role == TeamRole.CommitteeMember);
            var seated = team.Seats.Select(s => s.Person.Id).ToHashSet();
            var successor = team.Org.Roll.FirstOrDefault(p => p.Status == MemberStatus.Full && !p.IsRemoved && !seated.Contains(p.Id));
            if (seat is null || successor is null || team.Entity.Positions.Any(p => p.StartsOn is not null || p.EndsOn is not null))
            {
                continue;
            }

            var next = new TeamPosition { PersonId = successor.Id, Role = seat.Role, Portfolio = seat.Portfolio, StartsOn = on };
            TermRules.EnsureSeatsValid(team.Entity.Span(), [.. team.Seats.Select(x => new Seat(x.Person.Id, x.Position.Role, x.Position.StartsOn, x.Position == seat ? on.AddDays(-1) : x.Position.EndsOn)), next.AsSeat()]);
            seat.EndsOn = on.AddDays(-1);
            team.Entity.Positions.Add(next);
            return;
        }
    }

    private static bool Within(DemoOrg org, DemoOrg ancestor) =>
        org == ancestor || (org.Parent is { } parent && Within(parent, ancestor));
}
