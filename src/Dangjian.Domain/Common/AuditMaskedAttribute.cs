namespace Dangjian.Domain.Common;

/// <summary>
/// A property whose value must never appear in the audit log or any other log in clear
/// (DESIGN.md "Security": no personal ID numbers in logs). The audit log stores the masked form.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditMaskedAttribute : Attribute;
