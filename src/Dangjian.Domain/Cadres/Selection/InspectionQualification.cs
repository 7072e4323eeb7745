using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres.Selection;

/// <summary>
/// 考察资格认证 (CAD-4): a person's certificate to sit on an inspection team, earned by the qualification exam. Seed 004,
/// 三 (三): "探索建立干部考察资格认证制度，通过资格认证考试，从相关部门聘请一批兼职干部考察工作人员…原则上由具有考察资格的同志参加".
/// Valid from its exam day through its expiry day, both included; expired from the day after.
/// </summary>
public sealed class InspectionQualification : IVersioned
{
    public const int MaxNameLength = 50;
    public const int MaxNumberLength = 50;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The holder's name as on the certificate, for the refusal that names an uncertified inspector.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>证书编号.</summary>
    public string CertificateNumber { get; set; } = string.Empty;

    /// <summary>The day the qualification exam was passed; the certificate is valid from it.</summary>
    public DateOnly ExamDate { get; set; }

    /// <summary>The last day the certificate is valid.</summary>
    public DateOnly ExpiresOn { get; set; }

    public int Version { get; set; }

    /// <summary>Records a certificate; the expiry is on or after the exam day.</summary>
    public static InspectionQualification Issue(int personId, string name, string certificateNumber, DateOnly examDate, DateOnly expiresOn)
    {
        var holder = TextInput.Required(name, MaxNameLength, "name", "Field.Selection.InspectorName");
        var number = TextInput.Required(certificateNumber, MaxNumberLength, "certificateNumber", "Field.Selection.CertificateNumber");
        SaneDates.Demand(examDate, "examDate", "Field.Selection.ExamDate");
        SaneDates.Demand(expiresOn, "expiresOn", "Field.Selection.ExpiresOn");
        if (expiresOn < examDate)
        {
            throw new DomainRuleException("Selection.ExpiryBeforeExam", "expiresOn");
        }

        return new InspectionQualification { PersonId = personId, Name = holder, CertificateNumber = number, ExamDate = examDate, ExpiresOn = expiresOn };
    }

    public bool IsValidOn(DateOnly day) => day >= ExamDate && day <= ExpiresOn;

    /// <summary>
    /// The certificate that qualifies <paramref name="personId"/> on <paramref name="day"/>, or a refusal naming the
    /// person: none held at all (uncertified), or none valid that day (expired, or not yet examined).
    /// </summary>
    public static InspectionQualification Demand(int personId, string name, IEnumerable<InspectionQualification> certificates, DateOnly day, string field)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var held = certificates.Where(c => c.PersonId == personId).ToList();
        if (held.Count == 0)
        {
            throw new DomainRuleException("Selection.InspectorUncertified", field, name);
        }

        return held.Where(c => c.IsValidOn(day)).OrderByDescending(c => c.ExpiresOn).FirstOrDefault()
            ?? throw new DomainRuleException("Selection.InspectorCertificateInvalid", field, name, DateText.Format(held.Max(c => c.ExpiresOn)));
    }
}
