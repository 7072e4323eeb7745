using System.Globalization;
using System.Resources;
using Dangjian.Domain.People;
using Dangjian.Web.Features.People;
using MiniExcelLibs;

namespace Dangjian.Bench;

/// <summary>An organization a generated person is put on the roll of: its code (what a roster file names) and id.</summary>
public sealed record RosterOrganization(int Id, string Code, string Name);

/// <summary>One generated roster row.</summary>
public sealed record RosterRow(
    string Name, string IdNumber, DateOnly BirthDate, MemberStatus Status, DateOnly? JoinedPartyOn, RosterOrganization Organization,
    string Phone, string Ethnicity, string Education, string Workplace)
{
    public Gender Gender => Domain.People.IdNumber.GenderOf(IdNumber);
}

/// <summary>
/// A large roster, the same for the same count: valid, unique ID numbers (region codes the demo district
/// does not use), realistic names, mostly full members, spread over the demo district's branches; every
/// join date in the past and after the member's eighteenth birthday, as the import demands.
/// </summary>
public static class RosterGenerator
{
    // The demo district uses 519901, 519902 and 519921; these never collide with it.
    private static readonly string[] Regions = ["519911", "519912", "519913"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "红", "文", "辉", "玲", "鹏", "飞", "丹", "宇", "志", "兰"];
    private static readonly string[] Ethnicities = ["汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "羌族", "藏族", "回族"];
    private static readonly string[] Educations = ["初中", "高中", "中专", "大专", "本科", "硕士研究生"];
    private static readonly string[] Workplaces = ["村民委员会 委员", "农业合作社 社员", "镇卫生院 医生", "中心小学 教师", "个体经营户", "建材有限公司 职工", "社区居民委员会 主任", "退休"];
    private static readonly DateOnly FirstBirth = new(1945, 1, 1);
    private const int BirthDays = 20_000; // 1945 to 1999: everyone is over 25 today

    public static IEnumerable<RosterRow> Rows(int count, IReadOnlyList<RosterOrganization> organizations, DateOnly today)
    {
        var random = new Random(20261123);
        for (var i = 0; i < count; i++)
        {
            // (day, block) is unique per i, and so is the ID number built from it (up to 24,000,000 rows).
            var birth = FirstBirth.AddDays(i % BirthDays);
            var block = i / BirthDays;
            var male = random.Next(2) == 0;
            var sequence = (block % 400 * 2) + (male ? 1 : 2);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{Regions[block / 400 % Regions.Length]}{birth:yyyyMMdd}{sequence:000}");
            var idNumber = first17 + IdNumber.CheckCharacter(first17);

            var roll = random.Next(100);
            var status = roll < 85 ? MemberStatus.Full : roll < 90 ? MemberStatus.Probationary : MemberStatus.Resident;
            DateOnly? joined = status switch
            {
                // Joined at 22 to 41, and at least two years ago (a full member has passed probation).
                MemberStatus.Full => Min(birth.AddYears(22 + random.Next(20)), today.AddYears(-2)),
                MemberStatus.Probationary => today.AddDays(-random.Next(30, 330)),
                _ => null,
            };
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(3) == 0 ? string.Empty : Given[random.Next(Given.Length)]);
            var phone = string.Create(CultureInfo.InvariantCulture, $"13{random.Next(100_000_000, 999_999_999)}");
            yield return new RosterRow(
                name, idNumber, birth, status, joined, organizations[i % organizations.Count], phone,
                Ethnicities[random.Next(Ethnicities.Length)], Educations[random.Next(Educations.Length)], Workplaces[random.Next(Workplaces.Length)]);
        }
    }

    /// <summary>The same ID number with a wrong check character: a row the import must refuse.</summary>
    public static RosterRow WithBadChecksum(RosterRow row)
    {
        var first17 = row.IdNumber[..17];
        var good = IdNumber.CheckCharacter(first17);
        return row with { IdNumber = first17 + (good == '0' ? '1' : '0') };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// Writes the rows as .xlsx with the import template's columns (<see cref="RosterColumns.All"/>, in template
    /// order) and headers and labels as the template writes them in the default language (zh-CN).
    /// </summary>
    public static void WriteXlsx(string path, IEnumerable<RosterRow> rows)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var people = new ResourceManager(typeof(PeopleText).FullName!, typeof(PeopleText).Assembly);
        var enums = new ResourceManager(typeof(Web.Features.Common.EnumText).FullName!, typeof(PeopleText).Assembly);
        var headers = RosterColumns.All.ToDictionary(c => c, c => people.GetString(RosterColumns.ResourceKey(c), zh) ?? throw new KeyNotFoundException(c.ToString()));
        string Label(string key) => enums.GetString(key, zh) ?? throw new KeyNotFoundException(key);

        var cells = rows.Select(r =>
        {
            var values = new Dictionary<RosterColumn, object?>
            {
                [RosterColumn.Name] = r.Name,
                [RosterColumn.Gender] = Label("Gender." + r.Gender),
                [RosterColumn.IdNumber] = r.IdNumber,
                [RosterColumn.BirthDate] = r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [RosterColumn.Status] = Label("MemberStatus." + r.Status),
                [RosterColumn.JoinedPartyOn] = r.JoinedPartyOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [RosterColumn.OrganizationCode] = r.Organization.Code,
                [RosterColumn.Phone] = r.Phone,
                [RosterColumn.Ethnicity] = r.Ethnicity,
                [RosterColumn.Education] = r.Education,
                [RosterColumn.Workplace] = r.Workplace,
            };
            // The template's optional columns this generator does not fill (转正日期, 干部, dues) stay empty.
            return RosterColumns.All.ToDictionary(c => headers[c], c => values.GetValueOrDefault(c));
        });
        using var stream = File.Create(path);
        stream.SaveAs(cells);
    }
}
