using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres.Selection;

/// <summary>
/// One selection case per vacancy and its 写实 trace (CAD-3): every step of 选拔任用 recorded in order with who did it and
/// when — the call, democratic recommendation (the meeting recommendation is a recommendation round of the elections
/// module, linked by id; talk recommendations are recorded one by one), the shortlist, the differential inspection with
/// its certified team, methods, 两圈 and written findings (CAD-4), the decision at a meeting (an agenda item of the
/// meetings module), publicity with its objections (CAD-5), the appointment and the probation's end review.
/// The trace is append-only: a step out of order is refused by name, no entry is earlier than the one before it, none
/// is edited or deleted; a correction is a new entry with its reason pointing at the entry it corrects. A stopped case
/// (e.g. by an upheld objection) takes no further step. Every refusal changes nothing.
/// Seed 004, 三 (三) 依托制度创新 sets the differential inspection, 两圈 and the inspectors' certificate; the publicity and
/// probation follow 《党政领导干部选拔任用工作条例》 (see <see cref="SelectionRules"/>).
/// </summary>
public sealed class SelectionCase : IVersioned
{
    public const int MaxPostLength = 100;
    public const int MaxQualificationsLength = 2000;
    public const int MaxNameLength = SelectionTraceEntry.MaxNameLength;
    public const int MaxTextLength = SelectionTraceEntry.MaxTextLength;
    public const int MaxReasonLength = SelectionTraceEntry.MaxReasonLength;

    public int Id { get; set; }

    /// <summary>The organization the vacancy is in, for scope.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The post to fill (职位).</summary>
    public string Post { get; set; } = string.Empty;

    /// <summary>How many of that post are filled (职数).</summary>
    public int Posts { get; set; }

    /// <summary>The qualifications the call sets (任职资格).</summary>
    public string Qualifications { get; set; } = string.Empty;

    public SelectionPhase Phase { get; set; }

    /// <summary>When the case was stopped (the entry of kind <see cref="SelectionStep.Stopped"/> says why); null while it runs.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>The first and the last day of the publicity period (working days on the holiday calendar).</summary>
    public DateOnly? PublicityStart { get; set; }

    public DateOnly? PublicityLastDay { get; set; }

    public DateOnly? AppointedOn { get; set; }

    /// <summary>The probation's length as the rule data said at the appointment (a later change of the data does not move it).</summary>
    public int? ProbationMonths { get; set; }

    public DateOnly? ProbationLastDay { get; set; }

    public ProbationOutcome? ProbationOutcome { get; set; }

    public List<SelectionTraceEntry> Trace { get; set; } = [];

    public List<SelectionCandidate> Candidates { get; set; } = [];

    public List<InspectionTeamMember> Team { get; set; } = [];

    public List<PublicityObjection> Objections { get; set; } = [];

    public int Version { get; set; }

    public bool IsStopped => StoppedAt is not null;

    /// <summary>The step the case waits for, or null when it is over (reviewed or stopped).</summary>
    public SelectionStep? NextStep => IsStopped ? null : Phase switch
    {
        SelectionPhase.Called => SelectionStep.MeetingRecommendation,
        SelectionPhase.Recommended => SelectionStep.Shortlist,
        SelectionPhase.Shortlisted => SelectionStep.InspectionStarted,
        SelectionPhase.Inspecting => SelectionStep.InspectionCompleted,
        SelectionPhase.Inspected => SelectionStep.Decision,
        SelectionPhase.Decided => SelectionStep.PublicityStarted,
        SelectionPhase.InPublicity => SelectionStep.Appointment,
        SelectionPhase.Appointed => SelectionStep.ProbationReview,
        _ => null,
    };

    /// <summary>The objections not yet investigated and answered.</summary>
    public IEnumerable<PublicityObjection> OpenObjections => Objections.Where(o => o.IsOpen);

    /// <summary>The call (动议): a post, how many, and the qualifications; the case's first trace entry.</summary>
    public static SelectionCase Open(int organizationId, string post, int posts, string qualifications, string by, DateTimeOffset at)
    {
        var name = TextInput.Required(post, MaxPostLength, "post", "Field.Selection.Post");
        if (posts < 1 || posts > SelectionRules.MaxPosts)
        {
            throw new DomainRuleException("Input.OutOfRange", "posts", "Field.Selection.Posts", 1, SelectionRules.MaxPosts);
        }

        var wanted = TextInput.Required(qualifications, MaxQualificationsLength, "qualifications", "Field.Selection.Qualifications");
        var c = new SelectionCase { OrganizationId = organizationId, Post = name, Posts = posts, Qualifications = wanted, Phase = SelectionPhase.Called };
        c.Append(SelectionStep.Call, by, at, e => e.Text = wanted);
        return c;
    }

    /// <summary>会议推荐: the recommendation round of the elections module that held it. Once, right after the call.</summary>
    public SelectionTraceEntry LinkMeetingRecommendation(int recommendationRoundId, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.MeetingRecommendation, SelectionPhase.Called);
        if (recommendationRoundId <= 0)
        {
            throw new DomainRuleException("Input.Required", "recommendationRoundId", "Field.Selection.RecommendationRound");
        }

        var entry = Append(SelectionStep.MeetingRecommendation, by, at, e => e.LinkedId = recommendationRoundId);
        Phase = SelectionPhase.Recommended;
        return entry;
    }

    /// <summary>谈话推荐: one talk, who recommended whom. Any number, from the call until the shortlist.</summary>
    public SelectionTraceEntry RecordTalkRecommendation(string recommender, int personId, string personName, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.TalkRecommendation, SelectionPhase.Called, SelectionPhase.Recommended);
        var giver = TextInput.Required(recommender, MaxNameLength, "recommender", "Field.Selection.Recommender");
        var (id, name) = Person(personId, personName, "personId", "personName");
        return Append(SelectionStep.TalkRecommendation, by, at, e => (e.GivenBy, e.PersonId, e.PersonName) = (giver, id, name));
    }

    /// <summary>How many talk recommendations each person got, most first (then by name): what the shortlist is drawn from.</summary>
    public IReadOnlyList<(int PersonId, string Name, int Talks)> TalkTally() =>
        [.. Trace.Where(e => e.Step == SelectionStep.TalkRecommendation)
            .GroupBy(e => e.PersonId!.Value)
            .Select(g => (g.Key, g.First().PersonName!, g.Count()))
            .OrderByDescending(t => t.Item3).ThenBy(t => t.Item2, StringComparer.Ordinal)];

    /// <summary>
    /// 确定考察对象: the candidates to inspect, each person once, as many as the differential rule allows for the posts
    /// (<see cref="SelectionRules.DemandDifferential"/>). After the meeting recommendation.
    /// </summary>
    public SelectionTraceEntry Shortlist(IReadOnlyList<(int PersonId, string Name)> candidates, SelectionRules rules, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rules);
        Expect(SelectionStep.Shortlist, SelectionPhase.Recommended);
        var people = People(candidates, "candidates");
        rules.DemandDifferential(Posts, people.Count);
        var entry = Append(SelectionStep.Shortlist, by, at, e => e.Text = string.Join('、', people.Select(p => p.Name)));
        Candidates = [.. people.Select(p => new SelectionCandidate { PersonId = p.PersonId, Name = p.Name })];
        Phase = SelectionPhase.Shortlisted;
        return entry;
    }

    /// <summary>
    /// Forms the inspection team and starts the differential inspection on <paramref name="day"/>: at least
    /// <see cref="SelectionRules.MinTeamSize"/> people, none of them a candidate, each holding a certificate valid that
    /// day (考察资格认证, seed 004 三 (三)); the first one who does not is named in the refusal.
    /// </summary>
    public SelectionTraceEntry StartInspection(
        IReadOnlyList<(int PersonId, string Name)> team, IEnumerable<InspectionQualification> certificates, DateOnly day, SelectionRules rules, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(rules);
        Expect(SelectionStep.InspectionStarted, SelectionPhase.Shortlisted);
        SaneDates.Demand(day, "day", "Field.Selection.InspectionDay");
        var members = People(team, "team");
        if (members.Count < rules.MinTeamSize)
        {
            throw new DomainRuleException("Selection.TeamTooSmall", "team", members.Count, rules.MinTeamSize);
        }

        var certified = new List<InspectionTeamMember>();
        foreach (var (personId, name) in members)
        {
            if (Candidates.Any(c => c.PersonId == personId))
            {
                throw new DomainRuleException("Selection.InspectorIsCandidate", "team", name);
            }

            var certificate = InspectionQualification.Demand(personId, name, certificates, day, "team");
            certified.Add(new InspectionTeamMember { PersonId = personId, Name = name, CertificateNumber = certificate.CertificateNumber, CertificateExpiresOn = certificate.ExpiresOn });
        }

        var entry = Append(SelectionStep.InspectionStarted, by, at, e => e.Text = string.Join('、', members.Select(p => p.Name)));
        Team = certified;
        Phase = SelectionPhase.Inspecting;
        return entry;
    }

    /// <summary>A method used (个别谈话, 民主测评) with what it covered and showed; any number while inspecting.</summary>
    public SelectionTraceEntry RecordMethod(InspectionMethod method, string summary, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.InspectionMethod, SelectionPhase.Inspecting);
        if (!Enum.IsDefined(method))
        {
            throw new DomainRuleException("Input.Invalid", "method", "Field.Selection.Method");
        }

        var text = TextInput.Required(summary, MaxTextLength, "summary", "Field.Selection.MethodSummary");
        return Append(SelectionStep.InspectionMethod, by, at, e => (e.Method, e.Text) = (method, text));
    }

    /// <summary>
    /// 两圈: what the visit to one candidate's life or social circle found. Once per candidate and circle (a later
    /// change is a correction).
    /// </summary>
    public SelectionTraceEntry RecordCircleFinding(int personId, InspectionCircle circle, string finding, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.CircleFinding, SelectionPhase.Inspecting);
        if (!Enum.IsDefined(circle))
        {
            throw new DomainRuleException("Input.Invalid", "circle", "Field.Selection.Circle");
        }

        var candidate = Candidate(personId);
        if (candidate.CircleFinding(circle) is not null)
        {
            throw new DomainRuleException("Selection.CircleFindingRecorded", "circle", candidate.Name, SelectionKeys.Circle(circle));
        }

        var text = TextInput.Required(finding, MaxTextLength, "finding", "Field.Selection.Finding");
        var entry = Append(SelectionStep.CircleFinding, by, at, e => (e.PersonId, e.PersonName, e.Circle, e.Text) = (candidate.PersonId, candidate.Name, circle, text));
        if (circle == InspectionCircle.Life)
        {
            candidate.LifeCircleFinding = text;
        }
        else
        {
            candidate.SocialCircleFinding = text;
        }

        return entry;
    }

    /// <summary>The written inspection finding of one candidate (考察材料); once per candidate.</summary>
    public SelectionTraceEntry RecordFinding(int personId, string finding, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.CandidateFinding, SelectionPhase.Inspecting);
        var candidate = Candidate(personId);
        if (candidate.Finding is not null)
        {
            throw new DomainRuleException("Selection.FindingRecorded", "personId", candidate.Name);
        }

        var text = TextInput.Required(finding, MaxTextLength, "finding", "Field.Selection.Finding");
        var entry = Append(SelectionStep.CandidateFinding, by, at, e => (e.PersonId, e.PersonName, e.Text) = (candidate.PersonId, candidate.Name, text));
        candidate.Finding = text;
        return entry;
    }

    /// <summary>
    /// What the inspection still lacks before it can be completed, every reason at once: per candidate, the written
    /// finding and both circles (seed 004, 三 (三): 对领导干部生活圈、社交圈情况进行全方位考察).
    /// </summary>
    public IReadOnlyList<FieldProblem> MissingForCompletion()
    {
        var problems = new List<FieldProblem>();
        foreach (var c in Candidates)
        {
            foreach (var circle in Enum.GetValues<InspectionCircle>().Where(k => c.CircleFinding(k) is null))
            {
                problems.Add(new FieldProblem("circleFindings", "Selection.CircleFindingMissing", c.Name, SelectionKeys.Circle(circle)));
            }

            if (c.Finding is null)
            {
                problems.Add(new FieldProblem("findings", "Selection.FindingMissing", c.Name));
            }
        }

        return problems;
    }

    public SelectionTraceEntry CompleteInspection(string by, DateTimeOffset at)
    {
        Expect(SelectionStep.InspectionCompleted, SelectionPhase.Inspecting);
        DemandNotBefore(at);
        DomainRuleException.ThrowIfAny(MissingForCompletion());
        var entry = Append(SelectionStep.InspectionCompleted, by, at, _ => { });
        Phase = SelectionPhase.Inspected;
        return entry;
    }

    /// <summary>
    /// 讨论决定: the meeting's agenda item (meetings module, where the quorum rule for cadre items is applied) and the
    /// candidates it chose, at least one and no more than the posts, each from the shortlist.
    /// </summary>
    public SelectionTraceEntry RecordDecision(int agendaItemId, IReadOnlyList<int> chosenPersonIds, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(chosenPersonIds);
        Expect(SelectionStep.Decision, SelectionPhase.Inspected);
        if (agendaItemId <= 0)
        {
            throw new DomainRuleException("Input.Required", "agendaItemId", "Field.Selection.AgendaItem");
        }

        var chosen = chosenPersonIds.Distinct().ToList();
        if (chosen.Count < 1 || chosen.Count > Posts)
        {
            throw new DomainRuleException("Selection.ChosenCount", "chosen", chosen.Count, Posts);
        }

        var candidates = chosen.Select(id => Candidate(id, "chosen")).ToList();
        var entry = Append(SelectionStep.Decision, by, at, e => (e.LinkedId, e.Text) = (agendaItemId, string.Join('、', candidates.Select(c => c.Name))));
        candidates.ForEach(c => c.Chosen = true);
        Phase = SelectionPhase.Decided;
        return entry;
    }

    /// <summary>
    /// 任职前公示 from <paramref name="startDay"/> for <see cref="SelectionRules.PublicityWorkingDays"/> working days on
    /// the holiday calendar (weekends and holidays do not count, make-up workdays do); the last of them is
    /// <see cref="PublicityLastDay"/>. A year the calendar does not cover is refused by it
    /// (<see cref="CalendarYearMissingException"/>) rather than guessed.
    /// </summary>
    public SelectionTraceEntry StartPublicity(DateOnly startDay, HolidayCalendar calendar, SelectionRules rules, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        Expect(SelectionStep.PublicityStarted, SelectionPhase.Decided);
        SaneDates.Demand(startDay, "startDay", "Field.Selection.PublicityStart");
        DemandNotBefore(at);
        var last = PublicityEnd(startDay, rules.PublicityWorkingDays, calendar);
        var entry = Append(SelectionStep.PublicityStarted, by, at, e => e.Text = DateText.Format(startDay) + " – " + DateText.Format(last));
        (PublicityStart, PublicityLastDay, Phase) = (startDay, last, SelectionPhase.InPublicity);
        return entry;
    }

    /// <summary>The last day of a period of <paramref name="workingDays"/> working days counted from <paramref name="startDay"/> (itself included when a working day).</summary>
    public static DateOnly PublicityEnd(DateOnly startDay, int workingDays, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = startDay;
        var counted = calendar.IsWorkingDay(day) ? 1 : 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            counted += calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return day;
    }

    /// <summary>Whether the publicity period runs on <paramref name="day"/> (from its start through its last day).</summary>
    public bool PublicityRunsOn(DateOnly day) => PublicityStart is { } s && PublicityLastDay is { } l && day >= s && day <= l;

    /// <summary>An objection received during publicity (or after it, before the appointment): anonymous when no name is given.</summary>
    public PublicityObjection ReceiveObjection(DateOnly receivedOn, string text, string? submitterName, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.ObjectionReceived, SelectionPhase.InPublicity);
        SaneDates.Demand(receivedOn, "receivedOn", "Field.Selection.ReceivedOn");
        if (receivedOn < PublicityStart)
        {
            throw new DomainRuleException("Selection.ObjectionBeforePublicity", "receivedOn", DateText.Format(PublicityStart));
        }

        var words = TextInput.Required(text, PublicityObjection.MaxTextLength, "text", "Field.Selection.ObjectionText");
        var name = TextInput.Optional(submitterName, MaxNameLength, "submitterName", "Field.Selection.SubmitterName");
        var objection = new PublicityObjection { Number = Objections.Count + 1, ReceivedOn = receivedOn, Text = words, SubmitterName = name, Outcome = ObjectionOutcome.Open };
        Append(SelectionStep.ObjectionReceived, by, at, e => (e.LinkedId, e.GivenBy, e.Text) = (objection.Number, name, words));
        Objections.Add(objection);
        return objection;
    }

    /// <summary>
    /// Concludes an objection: what the investigation found, upheld or not, and the answer given. An upheld objection
    /// stops the case (公示结果影响任职).
    /// </summary>
    public SelectionTraceEntry ConcludeObjection(int number, ObjectionOutcome outcome, string finding, string answer, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.ObjectionConcluded, SelectionPhase.InPublicity);
        var objection = Objections.FirstOrDefault(o => o.Number == number)
            ?? throw new DomainRuleException("Selection.NoSuchObjection", "number", number);
        if (!objection.IsOpen)
        {
            throw new DomainRuleException("Selection.ObjectionConcluded", "number", number);
        }

        if (outcome is not (ObjectionOutcome.Upheld or ObjectionOutcome.NotUpheld))
        {
            throw new DomainRuleException("Input.Invalid", "outcome", "Field.Selection.ObjectionOutcome");
        }

        var found = TextInput.Required(finding, MaxTextLength, "finding", "Field.Selection.ObjectionFinding");
        var reply = TextInput.Required(answer, MaxTextLength, "answer", "Field.Selection.ObjectionAnswer");
        var name = TextInput.Required(by, MaxNameLength, "by", "Field.Selection.By");
        var entry = Append(SelectionStep.ObjectionConcluded, by, at, e => (e.LinkedId, e.Text, e.Reason) = (number, reply, found));
        (objection.Outcome, objection.Finding, objection.Answer, objection.ConcludedBy, objection.ConcludedAt) = (outcome, found, reply, name, at);
        if (outcome == ObjectionOutcome.Upheld)
        {
            Append(SelectionStep.Stopped, by, at, e => (e.LinkedId, e.Reason) = (number, found));
            StoppedAt = at;
        }

        return entry;
    }

    /// <summary>
    /// 任职: refused while the publicity period runs (through its last day) or an objection is open. Starts the probation
    /// of <see cref="SelectionRules.ProbationMonths"/> months from <paramref name="appointedOn"/>.
    /// </summary>
    public SelectionTraceEntry Appoint(DateOnly appointedOn, SelectionRules rules, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Expect(SelectionStep.Appointment, SelectionPhase.InPublicity);
        SaneDates.Demand(appointedOn, "appointedOn", "Field.Selection.AppointedOn");
        if (appointedOn <= PublicityLastDay)
        {
            throw new DomainRuleException("Selection.PublicityRunning", "appointedOn", DateText.Format(PublicityLastDay));
        }

        var open = OpenObjections.Count();
        if (open > 0)
        {
            throw new DomainRuleException("Selection.ObjectionOpen", "objections", open);
        }

        var months = rules.ProbationMonths;
        var lastDay = SaneDates.AddMonthsClamped(appointedOn, months).AddDays(-1);
        var entry = Append(SelectionStep.Appointment, by, at, e => e.Text = string.Join('、', Candidates.Where(c => c.Chosen).Select(c => c.Name)));
        (AppointedOn, ProbationMonths, ProbationLastDay, Phase) = (appointedOn, months, lastDay, SelectionPhase.Appointed);
        return entry;
    }

    /// <summary>试用期满考核: only after the probation's last day; 胜任 confirms the appointment, 不胜任 ends it.</summary>
    public SelectionTraceEntry ReviewProbation(DateOnly reviewedOn, ProbationOutcome outcome, string finding, string by, DateTimeOffset at)
    {
        Expect(SelectionStep.ProbationReview, SelectionPhase.Appointed);
        SaneDates.Demand(reviewedOn, "reviewedOn", "Field.Selection.ReviewedOn");
        if (reviewedOn <= ProbationLastDay)
        {
            throw new DomainRuleException("Selection.ProbationRunning", "reviewedOn", DateText.Format(ProbationLastDay));
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("Input.Invalid", "outcome", "Field.Selection.ProbationOutcome");
        }

        var text = TextInput.Required(finding, MaxTextLength, "finding", "Field.Selection.ProbationFinding");
        var entry = Append(SelectionStep.ProbationReview, by, at, e => e.Text = text);
        (ProbationOutcome, Phase) = (outcome, SelectionPhase.Reviewed);
        return entry;
    }

    /// <summary>Stops a running case with a reason (e.g. the post was withdrawn); nothing but corrections follows.</summary>
    public SelectionTraceEntry Stop(string reason, string by, DateTimeOffset at)
    {
        RefuseIfOver(SelectionStep.Stopped);
        var why = TextInput.Required(reason, MaxReasonLength, "reason", "Field.Selection.StopReason");
        var entry = Append(SelectionStep.Stopped, by, at, e => e.Reason = why);
        StoppedAt = at;
        return entry;
    }

    /// <summary>
    /// Corrects an earlier entry: a new entry with the corrected wording and why, pointing at it; the earlier one stays
    /// as it was. Allowed at any time, also on a stopped or finished case (the record must stay true).
    /// </summary>
    public SelectionTraceEntry Correct(int sequence, string correctedText, string reason, string by, DateTimeOffset at)
    {
        if (Trace.All(e => e.Sequence != sequence))
        {
            throw new DomainRuleException("Selection.NoSuchEntry", "corrects", sequence);
        }

        var text = TextInput.Required(correctedText, MaxTextLength, "text", "Field.Selection.CorrectedText");
        var why = TextInput.Required(reason, MaxReasonLength, "reason", "Field.Selection.CorrectionReason");
        return Append(SelectionStep.Correction, by, at, e => (e.Corrects, e.Text, e.Reason) = (sequence, text, why));
    }

    /// <summary>The wording of an entry as it now stands: that of its latest correction, else its own.</summary>
    public string? CurrentText(int sequence) =>
        Trace.LastOrDefault(e => e.Step == SelectionStep.Correction && e.Corrects == sequence)?.Text
        ?? Trace.FirstOrDefault(e => e.Sequence == sequence)?.Text;

    private void Expect(SelectionStep step, params SelectionPhase[] from)
    {
        RefuseIfOver(step);
        if (!from.Contains(Phase))
        {
            throw new DomainRuleException("Selection.StepOutOfOrder", "step", SelectionKeys.Step(step), SelectionKeys.Step(NextStep!.Value));
        }
    }

    private void RefuseIfOver(SelectionStep step)
    {
        if (IsStopped)
        {
            throw new DomainRuleException("Selection.CaseStopped", "step", SelectionKeys.Step(step));
        }

        if (Phase == SelectionPhase.Reviewed)
        {
            throw new DomainRuleException("Selection.CaseClosed", "step", SelectionKeys.Step(step));
        }
    }

    /// <summary>Nothing is back-dated: an entry's instant is never before the latest entry's.</summary>
    private void DemandNotBefore(DateTimeOffset at)
    {
        if (!SaneDates.Contains(at))
        {
            throw new DomainRuleException(SaneDates.OutOfRange, "at", "Field.Selection.At", SaneDates.MinText, SaneDates.MaxText);
        }

        if (Trace.Count > 0 && at < Trace[^1].At)
        {
            throw new DomainRuleException("Selection.BackDated", "at");
        }
    }

    /// <summary>Checks the author and the instant, then appends; called after every other check, so a refusal changes nothing.</summary>
    private SelectionTraceEntry Append(SelectionStep step, string by, DateTimeOffset at, Action<SelectionTraceEntry> fill)
    {
        var name = TextInput.Required(by, MaxNameLength, "by", "Field.Selection.By");
        DemandNotBefore(at);
        var entry = new SelectionTraceEntry { CaseId = Id, Sequence = Trace.Count + 1, Step = step, By = name, At = at };
        fill(entry);
        Trace.Add(entry);
        return entry;
    }

    private SelectionCandidate Candidate(int personId, string field = "personId") =>
        Candidates.FirstOrDefault(c => c.PersonId == personId) ?? throw new DomainRuleException("Selection.NotACandidate", field, personId);

    private static (int PersonId, string Name) Person(int personId, string? name, string idField, string nameField)
    {
        if (personId <= 0)
        {
            throw new DomainRuleException("Input.Required", idField, "Field.Selection.Person");
        }

        return (personId, TextInput.Required(name, MaxNameLength, nameField, "Field.Selection.PersonName"));
    }

    /// <summary>A list of people, each checked and each only once.</summary>
    private static List<(int PersonId, string Name)> People(IReadOnlyList<(int PersonId, string Name)> people, string field)
    {
        var checkedPeople = people.Select(p => Person(p.PersonId, p.Name, field, field)).ToList();
        var twice = checkedPeople.GroupBy(p => p.PersonId).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? checkedPeople : throw new DomainRuleException("Selection.PersonTwice", field, twice.First().Name);
    }
}
