using System.Diagnostics;
using System.Globalization;
using Dangjian.Data.Demo;
using Dangjian.Domain.Audit;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dangjian.Data.Tests.Demo;

public sealed class DemoDistrictTests(SeededDistrictFixture district, ITestOutputHelper output) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    private IReadOnlyList<Organization> Orgs => district.Organizations;

    [Fact]
    public void Seed_OnEmptyDatabase_MakesOneDistrictTenTownshipsAnd227Branches()
    {
        output.WriteLine($"seeded in {district.SeedTime.TotalMilliseconds:F0} ms");
        Assert.True(district.WasEmptyBefore);
        Assert.False(district.IsEmptyAfter);

        var root = Assert.Single(Orgs, o => o.Kind == OrganizationKind.DistrictCommittee);
        Assert.Equal("D01", root.Code);
        Assert.Equal("青川区委", root.Name);
        Assert.Null(root.ParentId);

        var townships = Orgs.Where(o => o.Kind.Tier() == 1).ToList();
        Assert.Equal(10, townships.Count);
        Assert.Contains(townships, o => o.Kind == OrganizationKind.TownshipCommittee && o.Name.EndsWith("党委", StringComparison.Ordinal));
        Assert.Contains(townships, o => o.Kind == OrganizationKind.StreetWorkingCommittee && o.Name.EndsWith("街道党工委", StringComparison.Ordinal));
        Assert.All(townships, t => Assert.Equal(root.Id, t.ParentId));

        Assert.Equal(227, Orgs.Count(o => o.Kind == OrganizationKind.Branch));
        var generalBranches = Orgs.Where(o => o.Kind == OrganizationKind.GeneralBranch).ToList();
        Assert.InRange(generalBranches.Count, 2, 5);
        Assert.All(generalBranches, g => Assert.Contains(Orgs, b => b.ParentId == g.Id && b.Kind == OrganizationKind.Branch));

        foreach (var t in townships)
        {
            var branchesUnder = Orgs.Count(o => o.Kind == OrganizationKind.Branch && OrganizationTree.IsWithin(o.Path, t.Path));
            Assert.InRange(branchesUnder, 15, 30);
        }

        // Party groups in about a third of the branches, 2–3 each.
        var groupsPerBranch = Orgs.Where(o => o.Kind == OrganizationKind.PartyGroup).GroupBy(o => o.ParentId!.Value).ToList();
        Assert.InRange(groupsPerBranch.Count, 227 / 5, 227 / 2);
        Assert.All(groupsPerBranch, g => Assert.InRange(g.Count(), 2, 3));

        Assert.Equal(Orgs.Count, district.Result.OrganizationCount);
        Assert.Equal(root.Id, district.Result.DistrictId);
        Assert.Equal(townships.Select(t => t.Id).Order(), district.Result.TownshipIds.Order());
    }

    [Fact]
    public void Seed_CodesAreUniqueAndPathsFollowParents()
    {
        Assert.Equal(Orgs.Count, Orgs.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count());
        var byId = Orgs.ToDictionary(o => o.Id);
        foreach (var o in Orgs)
        {
            Assert.True(o.Code.Length <= Organization.MaxCodeLength, o.Code);
            Assert.True(o.IsActive);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", o.Name);
            if (o.ParentId is null)
            {
                Assert.Equal(OrganizationTree.PathOf(null, o.Id), o.Path);
                continue;
            }

            var parent = byId[o.ParentId.Value];
            Assert.Equal(OrganizationTree.PathOf(parent.Path, o.Id), o.Path);
            Assert.True(parent.Kind.MayContain(o.Kind), $"{parent.Kind} may not contain {o.Kind} ({o.Code})");
            Assert.StartsWith(parent.Code + ".", o.Code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Seed_People_AboutSixThousandMembersFivePercentProbationaryAndSomeResidents()
    {
        var people = district.People;
        var members = people.Count(p => p.Status.IsMember());
        var probationary = people.Count(p => p.Status == MemberStatus.Probationary);
        var residents = people.Count(p => p.Status == MemberStatus.Resident);
        output.WriteLine($"members {members}, probationary {probationary}, residents {residents}");

        Assert.InRange(members, 5_500, 6_500);
        Assert.InRange(probationary / (double)members, 0.03, 0.07);
        Assert.InRange(residents, 250, 350);
        Assert.Equal(people.Count, district.Result.PeopleCount);

        var kindById = Orgs.ToDictionary(o => o.Id, o => o.Kind);
        Assert.All(people, p => Assert.NotEqual(OrganizationKind.PartyGroup, kindById[p.OrganizationId]));
        Assert.Contains(people, p => kindById[p.OrganizationId] == OrganizationKind.DistrictCommittee);
        Assert.Contains(people, p => kindById[p.OrganizationId] == OrganizationKind.TownshipCommittee);
        Assert.InRange(people.Count(p => kindById[p.OrganizationId].Tier() < 2), 20, 200);

        Assert.True(people.Count(p => p.Ethnicity == "汉族") > people.Count * 0.85);
        Assert.All(people, p =>
        {
            Assert.InRange(p.Name.Length, 2, 4);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", p.Name);
            Assert.Matches("^1[3-9][0-9]{9}$", p.Phone);
            Assert.False(string.IsNullOrEmpty(p.Education));
            Assert.False(string.IsNullOrEmpty(p.Workplace));
            Assert.False(p.IsRemoved);
        });
    }

    [Fact]
    public void Seed_IdNumbers_AreValidUniqueAndAgreeWithBirthDateAndGender()
    {
        var people = district.People;
        Assert.Equal(people.Count, people.Select(p => p.IdNumber).Distinct(StringComparer.Ordinal).Count());
        foreach (var p in people)
        {
            Assert.Equal(IdNumberError.None, IdNumber.Validate(p.IdNumber, Today));
            Assert.Equal(p.BirthDate, IdNumber.BirthDateOf(p.IdNumber!));
            Assert.Equal(p.Gender, IdNumber.GenderOf(p.IdNumber!));

            var age = AgeOn(p.BirthDate!.Value, Today);
            Assert.InRange(age, 18, 85);
            if (p.Status.IsMember())
            {
                Assert.NotNull(p.JoinedPartyOn);
                Assert.True(p.JoinedPartyOn >= p.BirthDate.Value.AddYears(18), $"{p.Name} joined before 18");
                Assert.True(p.JoinedPartyOn <= Today);
            }
            else
            {
                Assert.Null(p.JoinedPartyOn);
            }

            if (p.Status == MemberStatus.Probationary)
            {
                Assert.True(p.JoinedPartyOn > Today.AddYears(-1), "a probationary member joined within the year");
            }
        }
    }

    [Fact]
    public void Seed_People_PassTheRecordRules_FullMembersWithTheFullMemberDay_AndSomeCadres()
    {
        var people = district.People;
        Assert.All(people, p => Assert.Empty(PersonRules.Check(p.Facts(), Today).Problems));
        var full = people.Where(p => p.Status == MemberStatus.Full).ToList();
        Assert.All(full, p => Assert.NotNull(p.FullMemberOn));
        Assert.True(full.Count(p => p.FullMemberOn == p.JoinedPartyOn!.Value.AddYears(1)) > full.Count * 3 / 4, "most full members became one a year after joining");
        Assert.Contains(full, p => p.FullMemberOn > p.JoinedPartyOn!.Value.AddYears(1));
        Assert.InRange(people.Count(p => p.IsCadre), 1, people.Count / 10);
    }

    [Fact]
    public void Seed_Seats_OneMemberReplacedDuringTheTerm_BothSeatsKept_AndEveryTeamsSeatsValid()
    {
        Assert.All(district.Teams, t => TermRules.EnsureSeatsValid(t.Span(), [.. t.Positions.Select(p => p.AsSeat())]));
        var replaced = Assert.Single(district.Teams, t => t.Positions.Any(p => p.EndsOn is not null));
        var ended = Assert.Single(replaced.Positions, p => p.EndsOn is not null);
        var successor = Assert.Single(replaced.Positions, p => p.StartsOn is not null);
        Assert.Equal((ended.Role, ended.EndsOn!.Value.AddDays(1)), (successor.Role, successor.StartsOn!.Value));
        Assert.NotEqual(ended.PersonId, successor.PersonId);
        Assert.True(successor.StartsOn <= Today);
    }

    [Fact]
    public void Seed_Terms_CurrentForAllButAFewOverdueAndAFifthEndingSoon()
    {
        var teamOrgs = Orgs.Where(o => o.Kind.HasLeadershipTeam()).ToList();
        var teamsByOrg = district.Teams.ToLookup(t => t.OrganizationId);
        Assert.DoesNotContain(Orgs.Where(o => o.Kind == OrganizationKind.PartyGroup), g => teamsByOrg[g.Id].Any());

        var overdue = 0;
        var endingSoon = 0;
        foreach (var org in teamOrgs)
        {
            var terms = teamsByOrg[org.Id].OrderBy(t => t.TermNumber).ToList();
            Assert.NotEmpty(terms);
            var latest = terms[^1];
            var years = org.Kind.Tier() <= 1 ? 5 : 3;
            foreach (var t in terms)
            {
                Assert.Equal(t.EndsOn.AddYears(-years).AddDays(1), t.StartsOn); // branches 3 years, committees 5
                TermRules.EnsureValid(ToSpan(t), terms.Where(o => o.Id != t.Id).Select(ToSpan));
            }

            switch (TermRules.ExpiryState(latest.EndsOn, Today, 6))
            {
                case TermExpiryState.Overdue:
                    overdue++;
                    Assert.Equal(OrganizationKind.Branch, org.Kind);
                    break;
                case TermExpiryState.EndingSoon:
                    endingSoon++;
                    Assert.True(latest.IsCurrentOn(Today));
                    break;
                default:
                    Assert.True(latest.IsCurrentOn(Today), $"{org.Code} has no current term");
                    break;
            }
        }

        output.WriteLine($"{teamOrgs.Count} organizations with a team: {endingSoon} ending within 6 months, {overdue} overdue");
        Assert.InRange(overdue, 2, 3);
        Assert.InRange(endingSoon / (double)teamOrgs.Count, 0.15, 0.25);

        // History: most terms are not the first, and some organizations keep their previous term.
        Assert.True(teamOrgs.Count(o => teamsByOrg[o.Id].Max(t => t.TermNumber) > 1) > teamOrgs.Count * 0.8);
        Assert.InRange(teamOrgs.Count(o => teamsByOrg[o.Id].Count() > 1), 20, teamOrgs.Count);
    }

    [Fact]
    public void Seed_Teams_HaveOneSecretaryAndFullMembersFromTheirOwnSubtree()
    {
        var orgById = Orgs.ToDictionary(o => o.Id);
        var personById = district.People.ToDictionary(p => p.Id);
        foreach (var team in district.Teams)
        {
            var org = orgById[team.OrganizationId];
            TermRules.EnsureSeatsValid([.. team.Positions.Select(p => new Seat(p.PersonId, p.Role))]);
            Assert.Single(team.Positions, p => p.Role == TeamRole.Secretary);
            Assert.InRange(team.Positions.Count, 3, 11);
            Assert.Equal(org.Kind.Tier() <= 2, team.Positions.Any(p => p.Role == TeamRole.DeputySecretary));
            foreach (var position in team.Positions)
            {
                Assert.False(string.IsNullOrWhiteSpace(position.Portfolio));
                var person = personById[position.PersonId];
                Assert.Equal(MemberStatus.Full, person.Status);
                var roll = orgById[person.OrganizationId];
                if (org.Kind == OrganizationKind.Branch)
                {
                    Assert.Equal(org.Id, roll.Id);
                }
                else
                {
                    Assert.True(OrganizationTree.IsWithin(roll.Path, org.Path), $"{person.Name} is not in the subtree of {org.Code}");
                }
            }
        }

        // The sample ids point at what they say.
        var sampleBranch = orgById[district.Result.SampleBranchId];
        Assert.Equal(OrganizationKind.Branch, sampleBranch.Kind);
        var current = district.Teams.Where(t => t.OrganizationId == sampleBranch.Id).MaxBy(t => t.TermNumber)!;
        Assert.Equal(district.Result.SampleSecretaryPersonId, current.Positions.Single(p => p.Role == TeamRole.Secretary).PersonId);
        var member = personById[district.Result.SampleMemberPersonId];
        Assert.Equal(sampleBranch.Id, member.OrganizationId);
        Assert.Equal(MemberStatus.Full, member.Status);
        Assert.NotEqual(district.Result.SampleSecretaryPersonId, member.Id);
    }

    [Fact]
    public async Task Seed_SampleBranch_IsInTheFirstTownship_WithACommitteeAndThisMonthsCommitteeMeetingInPreparation()
    {
        // The demo secretary runs this branch: its committee (支委) sits, and this month's 支委会 waits to be held.
        var branch = Orgs.Single(o => o.Id == district.Result.SampleBranchId);
        Assert.True(OrganizationTree.IsWithin(branch.Path, Orgs.Single(o => o.Id == district.Result.TownshipIds[0]).Path));
        var team = district.Teams.Where(t => t.OrganizationId == branch.Id).MaxBy(t => t.TermNumber)!;
        Assert.True(team.Positions.Count >= 3, $"{team.Positions.Count} seats");

        await using var db = district.Database.Open();
        var ahead = await db.Meetings.AsNoTracking().Include(m => m.Participants).Include(m => m.Items)
            .Where(m => m.OrganizationId == branch.Id && m.Type == MeetingType.CommitteeMeeting && m.Date >= Today).ToListAsync();
        var prepared = Assert.Single(ahead);
        Assert.Equal(MeetingStatus.Planned, prepared.Status);
        Assert.Null(prepared.NoticeDate);
        Assert.Equal((Today.Year, Today.Month), (prepared.Date.Year, prepared.Date.Month));
        Assert.Equal(team.Positions.Select(p => p.PersonId).Distinct().Order(), prepared.Participants.Select(p => p.PersonId).Order());
        Assert.All(prepared.Participants, p => Assert.Equal((true, Attendance.Unrecorded), (p.Entitled, p.Attendance)));
        Assert.Equal(2, prepared.Items.Count);
        Assert.All(prepared.Items, i => Assert.Equal(ItemStatus.Pending, i.Status));
        Assert.Equal(team.Positions.Single(p => p.Role == TeamRole.Secretary).PersonId, prepared.SecretaryPersonId);
    }

    [Fact]
    public void Seed_Units_CoverTheDistrictWithAFewGaps()
    {
        var units = district.Units;
        var orgById = Orgs.ToDictionary(o => o.Id);
        output.WriteLine($"{units.Count} units: " + string.Join(", ", units.GroupBy(u => u.Kind).Select(g => $"{g.Key} {g.Count()}")));
        Assert.InRange(units.Count, 300, 400);
        Assert.Equal(units.Count, units.Select(u => u.Name).Distinct(StringComparer.Ordinal).Count());

        var blanks = units.Where(u => u.OrganizationId is null).ToList();
        Assert.InRange(blanks.Count, 8, 15);
        Assert.True(blanks.Count(u => u.Kind is UnitKind.Enterprise or UnitKind.OfficeBuilding) > blanks.Count / 2);

        foreach (var u in units)
        {
            var area = orgById[u.AreaOrganizationId];
            Assert.Equal(1, area.Kind.Tier());
            Assert.True(u.Headcount > 0);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", u.Name);
            if (u.OrganizationId is { } covering)
            {
                Assert.True(OrganizationTree.IsWithin(orgById[covering].Path, area.Path), $"{u.Name} is covered from outside its area");
            }
        }

        // Every village and community branch outside a 党总支 covers its own village or community.
        var coveredBy = units.Where(u => u.Kind is UnitKind.Village or UnitKind.Community).Select(u => u.OrganizationId).ToHashSet();
        Assert.All(
            Orgs.Where(o => o.Kind == OrganizationKind.Branch && orgById[o.ParentId!.Value].Kind.Tier() == 1),
            b => Assert.Contains((int?)b.Id, coveredBy));
    }

    [Fact]
    public async Task Seed_AuditChainVerifies_AndHoldsOneEntryPerRowPlusPathAssignments()
    {
        await using var db = district.Database.Open();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.Null(AuditChain.Verify(entries));

        // Democratic life meetings with their problems and measures are rows too; their anonymous opinions are never audited.
        var democraticLife = await db.DemocraticLifeMeetings.CountAsync() + await db.DemocraticLifeProblems.CountAsync() + await db.DemocraticLifeRectifications.CountAsync();
        Assert.DoesNotContain(entries, e => e.EntityType == nameof(Dangjian.Domain.Meetings.DemocraticLifeOpinion));
        var rows = Orgs.Count + district.People.Count + district.Units.Count + district.Teams.Count + district.Teams.Sum(t => t.Positions.Count) + democraticLife
            + district.Meetings.Count + district.Minutes.Count
            + await db.MeetingParticipants.CountAsync() + await db.AgendaItems.CountAsync() + await db.ItemVotes.CountAsync()
            + await db.EvaluationCampaigns.CountAsync() + await db.EvaluationSubjects.CountAsync() + await db.EvaluationGroups.CountAsync()
            + await db.Surveys.CountAsync() + await db.SurveyQuestions.CountAsync()
            + await db.CommitmentCampaigns.CountAsync() + await db.CommitmentSupervisors.CountAsync() + await db.Commitments.CountAsync()
            + await db.CommitmentDecisions.CountAsync() + await db.FulfilmentRecords.CountAsync() + await db.SupervisorComments.CountAsync()
            + await db.CommitmentEvaluations.CountAsync()
            + await db.WorkReviews.CountAsync()
            + await db.DuesProfiles.CountAsync() + await db.DuesPayments.CountAsync() + await db.ActivityFunds.CountAsync()
            + await db.StudyRecords.CountAsync()
            + await db.StudyExamHistories.CountAsync() + await db.StudyExamResults.CountAsync()
            + await db.StudyInspections.CountAsync() + await db.StudyInspectionFindings.CountAsync() + await db.CourseMenus.CountAsync()
            + await db.MenuCourses.CountAsync() + await db.CoursePicks.CountAsync() + await db.TheoryLectures.CountAsync()
            + await db.StudyRankingRounds.CountAsync() + await db.StudyRankingLines.CountAsync()
            + await db.CommitmentSelfReports.CountAsync() + await db.CommitmentObjections.CountAsync() + await db.CommitmentEvidenceFiles.CountAsync()
            + await db.Disclosures.CountAsync()
            + await db.Talks.CountAsync()
            + await db.SelectionCases.CountAsync() + await db.SelectionCandidates.CountAsync() + await db.InspectionTeamMembers.CountAsync() + await db.InspectionQualifications.CountAsync()
            + await db.SelectionTraceEntries.CountAsync(e => !(e.Step == Dangjian.Domain.Cadres.Selection.SelectionStep.ObjectionReceived && e.GivenBy == null))
            + await db.ReserveCadres.CountAsync() + await db.ReservePostings.CountAsync() + await db.TalentPoolEntries.CountAsync()
            + await db.GrassrootsStays.CountAsync() + await db.NightStays.CountAsync() + await db.NightSpotChecks.CountAsync()
            + await db.ContactPoints.CountAsync() + await db.RotaDays.CountAsync() + await db.PetitionCases.CountAsync() + await db.ReserveAssessments.CountAsync()
            + await db.RectificationNotices.CountAsync() + await db.EconomicAudits.CountAsync() + await db.AuditFindings.CountAsync()
            + await db.ExitCases.CountAsync() + await db.WorkSupervisors.CountAsync() + await db.SupervisorUnits.CountAsync()
            + await db.SupervisorReports.CountAsync() + await db.AccountabilityCases.CountAsync();
        rows += await db.ServiceRequests.CountAsync();
        rows += await db.ThemeCampaigns.CountAsync() + await db.ThemePhases.CountAsync() + await db.ThemeRequiredActivities.CountAsync() + await db.ThemeActivityReports.CountAsync();
        rows += await db.CongressTerms.CountAsync() + await db.Delegations.CountAsync() + await db.DelegateSeats.CountAsync() + await db.Proposals.CountAsync()
            + await db.ProposalProposers.CountAsync() + await db.ProposalAnswers.CountAsync() + await db.ProposalRatings.CountAsync();
        rows += await db.DelegateActivities.CountAsync() + await db.DelegateActivityAttendance.CountAsync() + await db.DelegateWorkReports.CountAsync()
            + await db.DelegateMotions.CountAsync() + await db.DelegateMotionSigners.CountAsync();
        // Public comments on a consultation are not audited as they come (an entry would date them finer than the day).
        rows += await db.RaisedMatters.CountAsync() + await db.Consultations.CountAsync() + await db.ExpertOpinions.CountAsync();
        Assert.DoesNotContain(entries, e => e.EntityType == nameof(Dangjian.Domain.Meetings.ConsultationComment) && e.Action == "Created");
        // An anonymous objection to an award (no name) is not audited as it comes either; one filed under a name is.
        rows += await db.AwardSelections.CountAsync() + await db.AwardNominations.CountAsync() + await db.AwardObjections.CountAsync(o => o.FiledBy != null) + await db.AwardRecords.CountAsync()
            + await db.EvaluationResults.CountAsync();
        Assert.True(await db.AwardObjections.AnyAsync(o => o.FiledBy == null));
        Assert.Equal(await db.AwardObjections.CountAsync(o => o.FiledBy != null), entries.Count(e => e.EntityType == nameof(Dangjian.Domain.Awards.AwardObjection) && e.Action == "Created"));
        // Publicity objections, some anonymous, are never audited row by row, nor the entry of an anonymous one.
        Assert.DoesNotContain(entries, e => e.EntityType == nameof(Dangjian.Domain.Cadres.Selection.PublicityObjection));
        // Ballot boxes, their codes and secret ballots (evaluation responses, survey answers) are never audited row by row.
        Assert.DoesNotContain(entries, e => e.EntityType is nameof(Dangjian.Domain.Secrecy.SecretBallot) or nameof(Dangjian.Domain.Secrecy.UnusedAccessCode) or nameof(Dangjian.Domain.Secrecy.BallotBox));
        Assert.True(await db.SecretBallots.AnyAsync());
        rows += await db.OutboxMessages.CountAsync() + await db.ReminderPreferences.CountAsync();
        Assert.Equal(rows, entries.Count(e => e.Action == "Created"));
        Assert.Equal(Orgs.Count, entries.Count(e => e.Action == DemoDistrict.PathAssignedAction));
        // Besides, three changes after a first save: each demo evidence file is cited by its progress record once uploaded
        // (the file takes the item's id first); the theme campaign is launched once its plan is saved (MTG-13); one
        // delegate's seat is ended after it was taken (DEL-1).
        Assert.Equal(
            [("DelegateSeat", 1), ("FulfilmentRecord", await db.CommitmentEvidenceFiles.CountAsync()), ("ThemeCampaign", 1)],
            entries.Where(e => e.Action != "Created" && e.Action != DemoDistrict.PathAssignedAction).GroupBy(e => e.EntityType).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Equal(rows + Orgs.Count + await db.CommitmentEvidenceFiles.CountAsync() + 2, entries.Count);

        // ID numbers reach the log masked only.
        var person = district.People[0];
        var created = entries.Single(e => e.EntityType == nameof(Person) && e.EntityId == person.Id.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(person.IdNumber!, created.After!, StringComparison.Ordinal);
        Assert.Contains(IdNumber.Mask(person.IdNumber), created.After!, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_Meetings_GiveAMixOfUpToDateAndOverdueOrganizations()
    {
        var required = Orgs.Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.PartyGroup).ToList();
        var byOrg = district.Meetings.ToLookup(m => m.OrganizationId);
        var states = required.SelectMany(o => ComplianceRules.Default.For(o.Kind).Select(r => ComplianceCheck.Evaluate(
            r, byOrg[o.Id].Where(m => m.Type == r.Type && ComplianceCheck.Counts(m.Status)).Select(m => m.Date), Today.Year, Today).State)).ToList();
        var overdue = states.Count(s => s == ComplianceState.Overdue) / (double)states.Count;
        output.WriteLine($"{district.Meetings.Count} meetings, {district.Minutes.Count} minutes; {states.Count} requirements, {overdue:P0} overdue");

        Assert.All(required, o => Assert.NotEmpty(byOrg[o.Id]));
        Assert.InRange(overdue, 0.2, 0.6);
        Assert.True(states.Count(s => s == ComplianceState.Ok) > states.Count / 5);
        Assert.All(district.Meetings, m => Assert.True(m.Status == MeetingStatus.Closed ? m.Date < Today : m.Date >= Today));
        Assert.DoesNotContain(district.Meetings, m => m.Date > Today.AddDays(7) || m.NoticeDate > Today);
    }

    [Fact]
    public void Seed_Minutes_AreNumberedOneToNPerBranch_WithOneCorrection()
    {
        var meetings = district.Meetings.ToDictionary(m => m.Id);
        Assert.NotEmpty(district.Minutes);
        foreach (var org in district.Minutes.Where(m => m.Status != MinutesStatus.Superseded).GroupBy(m => (m.OrganizationId, m.Year)))
        {
            var inOrder = org.OrderBy(m => meetings[m.MeetingId].Date).ToList();
            Assert.Equal(Enumerable.Range(1, inOrder.Count), inOrder.Select(m => m.Number!.Value));
            Assert.All(inOrder, m => Assert.Equal(MeetingType.CommitteeMeeting, meetings[m.MeetingId].Type));
        }

        var superseded = Assert.Single(district.Minutes, m => m.Status == MinutesStatus.Superseded);
        var correction = Assert.Single(district.Minutes, m => m.MeetingId == superseded.MeetingId && m.Revision == 2);
        Assert.Equal((MinutesStatus.SignedOff, superseded.Number), (correction.Status, correction.Number));
        Assert.False(string.IsNullOrEmpty(correction.CorrectionReason));
    }

    [Fact]
    public async Task Seed_IntoADatabaseWithOrganizations_IsRefusedAndChangesNothing()
    {
        await using var db = district.Database.Open();
        var before = await db.AuditEntries.CountAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => DemoDistrict.SeedAsync(db, Today));
        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.Equal(Orgs.Count, await db.Organizations.CountAsync());
    }

    [Fact]
    public async Task Seed_TwiceWithTheSameDay_GivesTheSameDistrict()
    {
        await using var other = await SqliteTestDatabase.CreateAsync();
        await using (var db = other.Open())
        {
            var watch = Stopwatch.StartNew();
            var result = await DemoDistrict.SeedAsync(db, Today);
            output.WriteLine($"seeded again in {watch.Elapsed.TotalMilliseconds:F0} ms (first: {district.SeedTime.TotalMilliseconds:F0} ms)");
            Assert.Equal(district.Result with { TownshipIds = [] }, result with { TownshipIds = [] });
            Assert.Equal(district.Result.TownshipIds, result.TownshipIds);
        }

        await using var read = other.Open();
        var orgs = await read.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var people = await read.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var teams = await read.LeadershipTeams.AsNoTracking().Include(t => t.Positions).OrderBy(t => t.Id).ToListAsync();
        var units = await read.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync();

        Assert.Equal(Orgs.Select(OrgKey), orgs.Select(OrgKey));
        Assert.Equal(district.People.Select(PersonKey), people.Select(PersonKey));
        Assert.Equal(district.Teams.Select(TeamKey), teams.Select(TeamKey));
        Assert.Equal(district.Units.Select(UnitKey), units.Select(UnitKey));

        static string OrgKey(Organization o) => $"{o.Id}|{o.Code}|{o.Name}|{o.Kind}|{o.ParentId}|{o.Path}|{o.SortOrder}";
        static string PersonKey(Person p) => $"{p.Id}|{p.Name}|{p.IdNumber}|{p.Gender}|{p.Phone}|{p.Status}|{p.JoinedPartyOn}|{p.OrganizationId}|{p.Workplace}|{p.Education}|{p.Ethnicity}";
        static string TeamKey(LeadershipTeam t) => $"{t.OrganizationId}|{t.TermNumber}|{t.StartsOn}|{t.EndsOn}|" +
            string.Join(";", t.Positions.OrderBy(p => p.Id).Select(p => $"{p.PersonId}:{p.Role}:{p.Portfolio}"));
        static string UnitKey(Unit u) => $"{u.Name}|{u.Kind}|{u.AreaOrganizationId}|{u.OrganizationId}|{u.Headcount}";
    }

    private static TermSpan ToSpan(LeadershipTeam t) => new(t.Id, t.TermNumber, t.StartsOn, t.EndsOn);

    private static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}
