namespace Dangjian.Domain.Elections;

/// <summary>
/// Who is on which of the 四必看/四必谈/四必训 lists (ELE-3; seed 001 第三篇): team members must read the warning
/// materials and be talked to (四必谈: 班子成员必谈); members who attend the election meeting must read them
/// (参加换届工作会议的同志必看); election staff must read, be talked to and be trained (负责换届工作人员必看/必谈/必训).
/// A person gets each list once, under the first reason that puts them on it.
/// </summary>
public static class Checklists
{
    public static IReadOnlyList<(int PersonId, ChecklistKind Kind, ChecklistReason Reason)> Generate(
        IEnumerable<int> teamMembers, IEnumerable<int> members, IEnumerable<int> staff)
    {
        var items = new List<(int, ChecklistKind, ChecklistReason)>();
        var seen = new HashSet<(int, ChecklistKind)>();
        void Add(IEnumerable<int> people, ChecklistReason reason, params ChecklistKind[] kinds)
        {
            foreach (var person in people)
            {
                foreach (var kind in kinds)
                {
                    if (seen.Add((person, kind)))
                    {
                        items.Add((person, kind, reason));
                    }
                }
            }
        }

        Add(staff, ChecklistReason.ElectionStaff, ChecklistKind.MustRead, ChecklistKind.MustTalk, ChecklistKind.MustTrain);
        Add(teamMembers, ChecklistReason.TeamMember, ChecklistKind.MustRead, ChecklistKind.MustTalk);
        Add(members, ChecklistReason.Member, ChecklistKind.MustRead);
        return items;
    }
}
