using System.IO.Compression;
using System.Xml;

namespace Dangjian.Web.Features.Common;

/// <summary>A cell of a worksheet that holds a formula (an &lt;f&gt; element): its reference, 1-based row and column letters.</summary>
public sealed record FormulaCell(string Reference, int Row, string Column);

/// <summary>What an uploaded .xlsx is, before anything reads its values.</summary>
public sealed record XlsxInspection(bool IsWorkbook, IReadOnlyList<FormulaCell> Formulas, bool TooLarge);

/// <summary>
/// Looks inside an .xlsx (a zip of XML parts) without trusting it: is it a workbook at all, is it a zip bomb,
/// and which cells of the first worksheet are formulas. A reader like MiniExcel only returns a formula's cached
/// value, so an import that must refuse formulas (ORG-6) has to read the sheet XML itself.
/// </summary>
public static class XlsxPackage
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// Inspects <paramref name="xlsx"/> (left positioned at 0). <paramref name="maxUncompressedBytes"/> bounds the
    /// declared size of all parts together and the bytes actually read from the sheet, so a small zip that
    /// inflates to gigabytes is refused rather than read.
    /// </summary>
    public static XlsxInspection Inspect(Stream xlsx, long maxUncompressedBytes, int maxFormulas = 10_000)
    {
        xlsx.Position = 0;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > maxUncompressedBytes)
            {
                return new XlsxInspection(IsWorkbook: true, [], TooLarge: true);
            }

            var sheetPath = FirstSheetPath(zip);
            var sheet = sheetPath is null ? null : zip.GetEntry(sheetPath);
            if (sheet is null)
            {
                return new XlsxInspection(IsWorkbook: false, [], TooLarge: false);
            }

            using (var scanned = new BoundedStream(sheet.Open(), maxUncompressedBytes))
            {
                // A sheet whose bytes hold no formula element and no declaration needs no XML pass (a province's
                // sheet: 4–5 s of the read); the reader refuses what is not well-formed XML in either case.
                var may = MayHoldFormulas(scanned);
                if (scanned.Exceeded)
                {
                    return new XlsxInspection(IsWorkbook: true, [], TooLarge: true);
                }

                if (!may)
                {
                    return new XlsxInspection(IsWorkbook: true, [], TooLarge: false);
                }
            }

            using var raw = sheet.Open();
            using var bounded = new BoundedStream(raw, maxUncompressedBytes);
            try
            {
                var formulas = Formulas(bounded, maxFormulas);
                return new XlsxInspection(IsWorkbook: true, formulas, TooLarge: bounded.Exceeded);
            }
            catch (XmlException) when (bounded.Exceeded)
            {
                return new XlsxInspection(IsWorkbook: true, [], TooLarge: true);
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return new XlsxInspection(IsWorkbook: false, [], TooLarge: false);
        }
        finally
        {
            xlsx.Position = 0;
        }
    }

    /// <summary>The zip path of the workbook's first sheet, through workbook.xml and its relationships.</summary>
    private static string? FirstSheetPath(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null)
        {
            return null;
        }

        string? relId = null;
        using (var s = workbook.Open())
        using (var r = XmlReader.Create(s, Settings))
        {
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet" && r.NamespaceURI == MainNamespace)
                {
                    relId = r.GetAttribute("id", RelationshipNamespace);
                    break;
                }
            }
        }

        if (relId is null || rels is null)
        {
            return zip.GetEntry("xl/worksheets/sheet1.xml") is null ? null : "xl/worksheets/sheet1.xml";
        }

        using (var s = rels.Open())
        using (var r = XmlReader.Create(s, Settings))
        {
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") == relId)
                {
                    var target = r.GetAttribute("Target") ?? string.Empty;
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the sheet's bytes may hold a formula (an element named f, with or without a prefix: "&lt;f" or ":f" before
    /// '&gt;', '/' or white space) or a declaration ("&lt;!", which the XML pass refuses). Text cannot hold them: XML
    /// escapes '&lt;' in text, so a sheet without them has no formula cell.
    /// </summary>
    private static bool MayHoldFormulas(Stream sheet)
    {
        var buffer = new byte[1 << 16];
        var kept = 0;
        int n;
        while ((n = sheet.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var span = buffer.AsSpan(0, kept + n);
            var at = 0;
            int i;
            while ((i = span[at..].IndexOfAny((byte)'<', (byte)':')) >= 0)
            {
                var k = at + i;
                if (k + 2 >= span.Length)
                {
                    break;
                }

                if ((span[k] == '<' && span[k + 1] == '!') || (span[k + 1] == 'f' && span[k + 2] is (byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return true;
                }

                at = k + 1;
            }

            // The last two bytes may begin a match that the next read completes.
            kept = Math.Min(2, span.Length);
            span[^kept..].CopyTo(buffer);
        }

        return false;
    }

    private static List<FormulaCell> Formulas(Stream sheet, int max)
    {
        var found = new List<FormulaCell>();
        using var r = XmlReader.Create(sheet, Settings);
        var row = 0;
        var column = 0;
        string? cell = null;
        while (r.Read() && found.Count < max)
        {
            if (r.NodeType != XmlNodeType.Element || r.NamespaceURI != MainNamespace)
            {
                continue;
            }

            switch (r.LocalName)
            {
                case "row":
                    row = int.TryParse(r.GetAttribute("r"), out var n) ? n : row + 1;
                    column = 0;
                    break;
                case "c":
                    cell = r.GetAttribute("r");
                    column = cell is null ? column + 1 : ColumnNumber(cell);
                    break;
                case "f":
                    var letters = ColumnLetters(column);
                    found.Add(new FormulaCell(cell ?? letters + row, row, letters));
                    break;
            }
        }

        return found;
    }

    /// <summary>"AB12" → 28.</summary>
    public static int ColumnNumber(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            n = (n * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return n;
    }

    /// <summary>28 → "AB".</summary>
    public static string ColumnLetters(int number)
    {
        var s = string.Empty;
        while (number > 0)
        {
            var m = (number - 1) % 26;
            s = (char)('A' + m) + s;
            number = (number - m - 1) / 26;
        }

        return s;
    }

    // No DTDs: an upload never gets to expand entities.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    /// <summary>Reads at most a given number of bytes, then reports end of stream and remembers that it cut.</summary>
    private sealed class BoundedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= max)
            {
                Exceeded = true;
                return 0;
            }

            var n = inner.Read(buffer, offset, (int)Math.Min(count, max - _read));
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
