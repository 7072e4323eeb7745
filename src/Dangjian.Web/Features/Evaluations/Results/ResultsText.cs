namespace Dangjian.Web.Features.Evaluations.Results;

/// <summary>Marker for the results' strings (ResultsText.resx, ResultsText.en.resx).</summary>
public sealed class ResultsText;
