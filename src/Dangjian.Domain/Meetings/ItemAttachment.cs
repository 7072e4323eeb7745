namespace Dangjian.Domain.Meetings;

/// <summary>
/// A document attached to an agenda item as its material (上会材料, MTG-3): the file as uploaded, its SHA-256 (which the
/// audit log records instead of the bytes), who uploaded it and when.
/// </summary>
public sealed class ItemAttachment
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;

    /// <summary>The largest file accepted: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }

    public int ItemId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
