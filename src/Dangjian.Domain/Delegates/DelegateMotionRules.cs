namespace Dangjian.Domain.Delegates;

/// <summary>
/// The rule data of inquiries (质询) and recalls (罢免) filed by delegates (DEL-4). The regulation on delegates' term system,
/// 《中国共产党全国代表大会和地方各级代表大会代表任期制暂行条例》(中发〔2008〕8号), gives the rights and the bodies but no
/// numbers, so every number here is this system's default, to be set by the congress's own rules (常任制实施办法):
/// <list type="bullet">
/// <item>第六条第（六）项: a delegate supervises the committee and the discipline commission of the same level and their
/// members (对同级党的委员会、纪律检查委员会及其成员进行监督) — the ground of an inquiry into either body and of a recall of
/// one of their members.</item>
/// <item>第八条、第九条: delegates act jointly by co-signing (联名), as with proposals — the ground of a threshold of
/// signers.</item>
/// <item>第二十五条至第二十八条: a delegate's seat ends (终止) on the committee's decision, proposed by the delegate's
/// electing unit — the recall of a delegate is recorded here as the delegates' vote, and its effect on the seat is the
/// committee's step (ending the seat on the roster).</item>
/// </list>
/// Defaults (system's own, not the regulation's): <see cref="InquirySigners"/> — an inquiry needs at least 5 serving delegates
/// of the term signing it, the filer included (a small group, as 联名 for proposals but larger, since it calls a body to
/// answer); <see cref="RecallSignersPercent"/> — a recall needs at least one fifth (20 %) of the term's serving delegates,
/// rounded up; <see cref="RecallVotePercent"/> — a recall carries when the votes for it are more than half (50 %) of all the
/// term's serving delegates, not of those voting.
/// </summary>
public sealed record DelegateMotionRules(int InquirySigners = 5, int RecallSignersPercent = 20, int RecallVotePercent = 50)
{
    public static DelegateMotionRules Defaults { get; } = new();

    /// <summary>The signers a motion of <paramref name="kind"/> needs when the term has <paramref name="servingDelegates"/> serving delegates (at least 1).</summary>
    public int RequiredSigners(MotionKind kind, int servingDelegates) => kind switch
    {
        MotionKind.Inquiry => Math.Max(1, InquirySigners),
        _ => Math.Max(1, (int)Math.Ceiling(Math.Max(0, servingDelegates) * RecallSignersPercent / 100m)),
    };

    /// <summary>Whether <paramref name="votesFor"/> carry a recall: more than <see cref="RecallVotePercent"/> % of all <paramref name="servingDelegates"/>.</summary>
    public bool Recalls(int votesFor, int servingDelegates) => votesFor * 100L > (long)servingDelegates * RecallVotePercent;
}
