using System.IO.Compression;
using System.Text;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Tests.People;

/// <summary>
/// ORG-6's upload checks: a formula is found wherever it sits in the sheet's bytes (the byte scan that spares a clean
/// province's sheet the XML pass reads in 64 KB pieces), with or without a prefix, and a declaration still goes through
/// the XML pass that refuses it.
/// </summary>
public sealed class XlsxPackageTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AFormulaAcrossTheScansPieces_IsFound(int before)
    {
        // "<f>" begins `before` bytes ahead of the first 64 KB piece's end, so it is split across two reads (or not).
        const string opening = "<c r=\"B2\">";
        var xlsx = WithSheet(PaddedTo((1 << 16) - before - opening.Length, opening + "<f>SUM(1,1)</f><v>2</v></c>", prefix: null));

        var found = Assert.Single(XlsxPackage.Inspect(new MemoryStream(xlsx), 1L << 30).Formulas);

        Assert.Equal("B2", found.Reference);
    }

    [Fact]
    public void APrefixedFormula_IsFound_AndACleanSheet_HasNone()
    {
        var prefixed = WithSheet(PaddedTo(400, "<x:c r=\"C2\"><x:f>1+1</x:f><x:v>2</x:v></x:c>", prefix: "x"));
        var clean = WithSheet(PaddedTo(400, "<c r=\"C2\" t=\"inlineStr\"><is><t>f&lt;f&gt; :f 1+1</t></is></c>", prefix: null));

        Assert.Equal("C2", Assert.Single(XlsxPackage.Inspect(new MemoryStream(prefixed), 1L << 30).Formulas).Reference);
        var inspection = XlsxPackage.Inspect(new MemoryStream(clean), 1L << 30);
        Assert.True(inspection.IsWorkbook);
        Assert.Empty(inspection.Formulas);
    }

    [Fact]
    public void ADeclaration_IsNotAWorkbook()
    {
        const string declaration = "<?xml version=\"1.0\"?>";
        var xml = declaration + "<!DOCTYPE w [<!ENTITY a \"aaaa\">]>" + PaddedTo(400, "<c r=\"A2\"><v>1</v></c>", prefix: null)[declaration.Length..];

        Assert.False(XlsxPackage.Inspect(new MemoryStream(WithSheet(xml)), 1L << 30).IsWorkbook);
    }

    /// <summary>A sheet whose <paramref name="cell"/> (in row 2) begins at byte <paramref name="offset"/>, after a padded row 1.</summary>
    private static string PaddedTo(int offset, string cell, string? prefix)
    {
        var p = prefix is null ? string.Empty : prefix + ":";
        var ns = prefix is null ? $"xmlns=\"{Main}\"" : $"xmlns:{prefix}=\"{Main}\"";
        var head = $"<?xml version=\"1.0\"?><{p}worksheet {ns}><{p}sheetData><{p}row r=\"1\"><{p}c r=\"A1\" t=\"inlineStr\"><{p}is><{p}t>";
        var mid = $"</{p}t></{p}is></{p}c></{p}row><{p}row r=\"2\">";
        var padding = offset - Encoding.UTF8.GetByteCount(head + mid);
        Assert.True(padding >= 0);
        return head + new string('a', padding) + mid + cell + $"</{p}row></{p}sheetData></{p}worksheet>";
    }

    /// <summary>A workbook of one sheet holding <paramref name="sheetXml"/>.</summary>
    private static byte[] WithSheet(string sheetXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Write(zip, "xl/worksheets/sheet1.xml", sheetXml);
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
