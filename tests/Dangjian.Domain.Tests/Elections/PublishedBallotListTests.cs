using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Elections;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>
/// The published ballot list (ELE-13): the counted ballots in a random order without receipts, the receipts
/// apart and sorted, the two counts; read back with every way a list can fail to hold together.
/// </summary>
public sealed class PublishedBallotListTests
{
    private static readonly string[] Listed = ["张伟", "王芳", "李娜"];

    private static readonly PublishedBallotList.Header Header = new(7, "选举委员", "第二届换届", "测试支部", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Twelve different ballots (so an order is visible), the first eight electronic, with receipts not in order.</summary>
    private static (CountInput Input, string[] Receipts) Round()
    {
        var ballots = Enumerable.Range(0, 12).Select(i => new Ballot([Listed[i % 3]], [], i < 6 ? [] : ["赵磊" + i], i == 11)).ToList();
        var receipts = Enumerable.Range(0, 8).Select(i => $"R{(8 - i) * 7 % 10}{i:00}XYZW").ToArray();
        return (new CountInput(ElectionMode.Formal, 2, 12, 12, 12, Listed, ballots), receipts);
    }

    [Fact]
    public void Write_BallotsHoldOnlyMarks_ReceiptsSortedApart_CountsAddUp()
    {
        var (input, receipts) = Round();

        var text = PublishedBallotList.Write(Header, input, receipts);

        var root = JsonNode.Parse(text)!.AsObject();
        var ballots = root["ballots"]!.AsArray();
        Assert.Equal(12, ballots.Count);
        Assert.All(ballots, b => Assert.Equal(["for", "against", "writeIns", "void"], b!.AsObject().Select(p => p.Key)));
        Assert.Equal(receipts.Order(StringComparer.Ordinal), root["receipts"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal((8, 4), (root["electronicBallots"]!.GetValue<int>(), root["paperBallots"]!.GetValue<int>()));
        Assert.Equal(7, root["round"]!["id"]!.GetValue<int>());
        Assert.Equal("2026-11-23T10:00:00Z", root["round"]!["publishedAt"]!.GetValue<string>());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);

        var read = PublishedBallotList.Read(text);
        Assert.Empty(read.Problems);
        Assert.False(read.EarlierFormat);
        Assert.Equal((12, 8, 4), (read.Ballots, read.ElectronicBallots, read.PaperBallots));
    }

    [Fact]
    public void Write_TheCountReadsTheListAsItsInput_SameResult()
    {
        var (input, receipts) = Round();

        var (parsed, errors) = CountJson.Parse(PublishedBallotList.Write(Header, input, receipts));

        Assert.Empty(errors);
        Assert.Equal(CountJson.Write(ElectionCount.Count(input)), CountJson.Write(ElectionCount.Count(parsed!)));
        Assert.Equal(Texts(input.Ballots).Order(StringComparer.Ordinal), Texts(parsed!.Ballots).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_ShufflesTheBallots_NotTheOrderCastOrEntered()
    {
        var (input, receipts) = Round();
        var given = string.Join("|", Texts(input.Ballots));

        // Twelve different ballots: one write in the given order has a chance of 1 in 12! (about 2·10^-9); ten in a row never happen.
        var orders = Enumerable.Range(0, 10)
            .Select(_ => string.Join("|", Texts(CountJson.Parse(PublishedBallotList.Write(Header, input, receipts)).Input!.Ballots)))
            .ToList();

        Assert.Contains(orders, o => o != given);
        Assert.True(orders.Distinct(StringComparer.Ordinal).Count() > 1);
    }

    [Fact]
    public void Write_RepeatedReceiptOrMoreReceiptsThanBallots_Throws()
    {
        var (input, receipts) = Round();

        Assert.Throws<ArgumentException>(() => PublishedBallotList.Write(Header, input, [.. receipts, receipts[0]]));
        Assert.Throws<ArgumentException>(() => PublishedBallotList.Write(Header, input, [.. Enumerable.Range(0, 13).Select(i => "R" + i)]));
    }

    [Fact]
    public void Write_AllPaper_NoReceipts()
    {
        var (input, _) = Round();

        var read = PublishedBallotList.Read(PublishedBallotList.Write(Header, input, []));

        Assert.Empty(read.Problems);
        Assert.Equal((0, 12), (read.ElectronicBallots, read.PaperBallots));
        Assert.Empty(read.Receipts);
    }

    [Theory]
    [InlineData(Receipts, "\"receipts\": [\"A\", \"A\", \"B\"]", "receipts: A repeats (2 times); a receipt is unique")]
    [InlineData(Receipts, "\"receipts\": [\"B\", \"A\", \"C\"]", "receipts are not sorted (ordinal order): receipts[1] A comes after B")]
    [InlineData(Receipts, "\"receipts\": [\"a\", \"B\", \"C\"]", "receipts are not sorted (ordinal order): receipts[1] B comes after a")]
    [InlineData(Receipts, "\"receipts\": [\"A\", \"B\"]", "2 receipts for 3 electronic ballots: there must be one receipt per electronic ballot")]
    [InlineData(Receipts, "\"receipts\": [\"A\", \"B\", \"C\", \"D\"]", "4 receipts for 3 electronic ballots: there must be one receipt per electronic ballot")]
    [InlineData(Receipts, "\"receipts\": [\"A\", 2, \"C\"]", "receipts[1] must be a string")]
    [InlineData(Receipts, "\"receipts\": \"A B C\"", "receipts must be an array of receipts")]
    [InlineData("\"electronicBallots\": 3", "\"electronicBallots\": 2", "2 electronic and 1 paper ballots, but the list has 4")]
    [InlineData("\"paperBallots\": 1", "\"paperBallots\": -1", "paperBallots must be a whole number, not negative")]
    [InlineData("\"paperBallots\": 1", "\"paperBallots\": 1.5", "paperBallots must be a whole number, not negative")]
    [InlineData("\"electronicBallots\": 3", "\"electronicBallots\": null", "electronicBallots must be a whole number, not negative")]
    [InlineData("\"void\": true }", "\"void\": true, \"receipt\": \"A\" }", "ballots[3] carries \"receipt\": a published ballot holds only its marks, so that nothing pairs it with a receipt")]
    [InlineData("\"void\": true }", "\"void\": true, \"id\": 4 }", "ballots[3] carries \"id\"")]
    public void Read_ListThatDoesNotHoldTogether_NamesTheFault(string from, string to, string problem)
    {
        var text = Consistent.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Consistent, text);

        var read = PublishedBallotList.Read(text);

        Assert.Contains(read.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ConsistentList_NoProblem()
    {
        var read = PublishedBallotList.Read(Consistent);

        Assert.Empty(read.Problems);
        Assert.Equal(["A", "B", "C"], read.Receipts);
        Assert.Equal((4, 3, 1), (read.Ballots, read.ElectronicBallots, read.PaperBallots));
    }

    [Fact]
    public void Read_CountsMissing_NamesThem()
    {
        var text = Consistent.Replace("\"electronicBallots\": 3,", string.Empty, StringComparison.Ordinal).Replace("\"paperBallots\": 1,", string.Empty, StringComparison.Ordinal);

        var read = PublishedBallotList.Read(text);

        Assert.Contains("electronicBallots is missing", read.Problems);
        Assert.Contains("paperBallots is missing", read.Problems);
    }

    [Fact]
    public void Read_EarlierFormat_ReceiptsFromTheBallots()
    {
        var read = PublishedBallotList.Read(Earlier);

        Assert.True(read.EarlierFormat);
        Assert.Empty(read.Problems);
        Assert.Equal(["23456789", "ABCDEFGH"], read.Receipts);
        Assert.Equal((3, 2, 1), (read.Ballots, read.ElectronicBallots, read.PaperBallots));
        Assert.True(read.Has("abcd-efgh"));
    }

    [Fact]
    public void Read_EarlierFormat_RepeatedReceiptOrCountsWithoutReceipts_IsAProblem()
    {
        var repeated = PublishedBallotList.Read(Earlier.Replace("ABCDEFGH", "23456789", StringComparison.Ordinal));
        Assert.Contains("receipts: 23456789 repeats (2 times); a receipt is unique", repeated.Problems);

        var cut = PublishedBallotList.Read(Consistent.Replace(Receipts, "\"x\": 0", StringComparison.Ordinal));
        Assert.Contains("receipts is missing, but electronicBallots is there", cut.Problems);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{ \"ballots\": 3 }")]
    public void Read_NotAList_IsAProblem(string text) => Assert.NotEmpty(PublishedBallotList.Read(text).Problems);

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" AB CD\tEF-GH ", "ABCDEFGH")]
    [InlineData("ABCDEFGH", "ABCDEFGH")]
    public void NormalizeReceipt_AsTypedFromASlip(string typed, string receipt) =>
        Assert.Equal(receipt, PublishedBallotList.NormalizeReceipt(typed));

    [Fact]
    public void Has_OnlyAReceiptOfTheList()
    {
        var read = PublishedBallotList.Read(Consistent);

        Assert.True(read.Has("b"));
        Assert.False(read.Has("D"));
        Assert.False(read.Has(string.Empty));
    }

    private const string Receipts = "\"receipts\": [\"A\", \"B\", \"C\"]";

    private const string Consistent = """
        {
          "mode": "formal", "seats": 1, "entitledVoters": 4, "votersPresent": 4, "ballotsIssued": 4, "candidates": ["张伟"],
          "electronicBallots": 3,
          "paperBallots": 1,
          "ballots": [
            { "for": ["张伟"], "against": [], "writeIns": [], "void": false },
            { "for": [], "against": ["张伟"], "writeIns": [], "void": false },
            { "for": ["张伟"], "against": [], "writeIns": [], "void": false },
            { "for": [], "against": [], "writeIns": [], "void": true }
          ],
          "receipts": ["A", "B", "C"]
        }
        """;

    private const string Earlier = """
        {
          "mode": "formal", "seats": 1, "entitledVoters": 3, "votersPresent": 3, "ballotsIssued": 3, "candidates": ["张伟"],
          "ballots": [
            { "for": ["张伟"], "against": [], "writeIns": [], "void": false, "receipt": "23456789" },
            { "for": [], "against": ["张伟"], "writeIns": [], "void": false, "receipt": "ABCDEFGH" },
            { "for": [], "against": [], "writeIns": [], "void": true }
          ]
        }
        """;

    private static IEnumerable<string> Texts(IEnumerable<Ballot> ballots) => ballots.Select(b => JsonSerializer.Serialize(b));
}
