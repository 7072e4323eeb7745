namespace Dangjian.Web.Features.Common;

/// <summary>Messages for rule and input errors, keyed by the codes rules and validators use (RuleText.resx, RuleText.en.resx).</summary>
public sealed class RuleText;

/// <summary>Strings shared by every page: navigation, buttons, empty states (UiText.resx, UiText.en.resx).</summary>
public sealed class UiText;

/// <summary>Display names of enum values, keyed "EnumType.Value" (EnumText.resx, EnumText.en.resx).</summary>
public sealed class EnumText;
