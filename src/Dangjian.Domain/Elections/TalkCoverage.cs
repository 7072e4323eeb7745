namespace Dangjian.Domain.Elections;

/// <summary>
/// How far the one-to-one talks have got (ELE-2; seed 001 第三篇 "谈心谈话全覆盖"): a talk in person, by phone or a
/// make-up talk for one who was absent all count as covered; the percent is of everyone on the list, one decimal.
/// </summary>
public sealed record TalkCoverage(int Total, int Talked, int Phoned, int MakeUp, int NotYet)
{
    public int Covered => Talked + Phoned + MakeUp;

    /// <summary>Covered in percent of the list, rounded to one decimal (0 for an empty list).</summary>
    public double Percent => Total == 0 ? 0 : Math.Round(Covered * 100.0 / Total, 1, MidpointRounding.AwayFromZero);

    /// <summary>Whether everyone on a non-empty list has been talked to (全覆盖).</summary>
    public bool Complete => Total > 0 && NotYet == 0;

    public static TalkCoverage Of(IEnumerable<TalkStatus> statuses)
    {
        int talked = 0, phoned = 0, makeUp = 0, notYet = 0;
        foreach (var s in statuses)
        {
            switch (s)
            {
                case TalkStatus.Talked: talked++; break;
                case TalkStatus.Phoned: phoned++; break;
                case TalkStatus.MakeUp: makeUp++; break;
                default: notYet++; break;
            }
        }

        return new TalkCoverage(talked + phoned + makeUp + notYet, talked, phoned, makeUp, notYet);
    }
}
