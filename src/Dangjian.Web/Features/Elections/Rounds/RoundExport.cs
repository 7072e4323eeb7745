using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>
/// A counted round's result (ELE-12) as .xlsx (RPT-2): each candidate's for, against and abstain and the outcome, as the
/// result table shows them; counts only, never a ballot or a voter.
/// </summary>
public sealed class RoundExport(RoundQueries queries, IStringLocalizer<RoundText> text)
{
    public async Task<byte[]> ResultAsync(int id, CancellationToken ct = default)
    {
        var (round, result) = await queries.ResultAsync(id, ct);
        var elected = text[round.Mode switch
        {
            ElectionMode.Preliminary => "Elected.Preliminary",
            ElectionMode.Recommendation => "Elected.Recommendation",
            _ => "Elected.Formal",
        }].Value;
        IReadOnlyList<CandidateResult> rows = result.Status == CountStatus.Void ? [] : result.Results;
        return await ListSheet.SaveAsync<CandidateResult>(text["Sheet.Result"], rows,
        [
            (text["Col.Name"], r => ExcelFile.Safe(r.WriteIn ? $"{r.Name}{Punctuation.Parenthesized(text["WriteIn"])}" : r.Name)),
            (text["Col.For"], r => r.For),
            (text["Col.Against"], r => r.WriteIn ? null : r.Against),
            (text["Col.Abstain"], r => r.WriteIn ? null : r.Abstain),
            (text["Col.Outcome"], r => result.Elected.Contains(r.Name) ? elected : result.Runoff?.Names.Contains(r.Name) == true ? text["ToRunoff"].Value : null),
        ], ct);
    }
}
