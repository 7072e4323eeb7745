namespace Dangjian.Web.Features.Study.Records;

/// <summary>Strings of the study-record pages and the "My study" section (StudyRecordText.resx, StudyRecordText.en.resx).</summary>
public sealed class StudyRecordText;
