namespace Dangjian.Data.Demo;

/// <summary>
/// The name material of the demo district. Every place is made up: the district 青川区 and the region
/// code 5199xx (prefecture 99 does not exist) are fictional, so no demo row can be taken for a real one.
/// </summary>
internal static class DemoNames
{
    public const string District = "青川区";

    /// <summary>Region codes of ID numbers: the district's own first, then two neighbours.</summary>
    public static readonly string[] RegionCodes = ["519902", "519901", "519921"];

    /// <summary>The ten townships and streets: name, branches in all (227 together), 党总支 among them.</summary>
    public static readonly (string Name, int Branches, int GeneralBranches)[] Townships =
    [
        ("城东街道", 22, 1), ("城西街道", 18, 0), ("河滨街道", 21, 0), ("锦屏街道", 15, 0), ("云溪镇", 26, 0),
        ("石桥镇", 30, 2), ("白鹭镇", 24, 0), ("青山镇", 27, 0), ("松林乡", 19, 0), ("桃源乡", 25, 0),
    ];

    // Common surnames, most common first (picked with a skew towards the front).
    public const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    public static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官"];

    public const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋建国志文海峰亮成东兵德福贵山松永";

    public const string FemaleGiven = "芳娜敏静丽艳娟霞秀英华玲燕红梅琳萍婷雪慧莉兰凤洁琴云珍颖倩晶佳欣悦璐月桂春";

    public static readonly string[] Ethnicities = ["土家族", "回族", "苗族", "彝族", "羌族", "藏族", "满族", "壮族"];

    // Mobile prefixes, three digits each.
    public const string PhonePrefixes = "130131132133135136137138139150151152155156157158159166173177180181182183186187188189191199";

    // Villages: a surname + 家湾… ("杨家湾村"), or two place characters ("石桥村").
    public const string VillageSurnames = "杨李王张刘陈黄赵周吴徐孙马朱胡何高林罗梁谢宋唐韩冯邓曹彭曾田董潘蒋蔡余杜叶程苏魏";
    public static readonly string[] VillageSurnameEndings = ["家湾", "家沟", "家坝", "家岭", "家坪", "家庄", "家寨"];
    public const string VillageFirst = "石桃柳松竹梅青红白黄金龙凤马鹿云双三五新太平安清";
    public const string VillageSecond = "桥坝沟湾岭坪岗林塘河溪山寺堡口坡";

    // Communities: two characters ("锦苑社区").
    public const string CommunityFirst = "锦翠金华明康安宁新和福瑞嘉欣春晓兴盛丰祥";
    public const string CommunitySecond = "苑园里坊城湾庭府桥坝";

    // Enterprises: 青川 + a trade name + a trade + 有限公司.
    public static readonly string[] TradeNames = ["鑫源", "华腾", "盛达", "恒通", "宏远", "瑞丰", "嘉禾", "金穗", "绿源", "天成", "永兴", "博远", "中和", "润泽", "锦程"];
    public static readonly string[] Trades = ["农业开发", "建材", "食品", "物流", "机械制造", "纺织", "电子科技", "茶业", "竹木制品", "建筑工程", "商贸", "生态旅游"];

    // Office buildings in the streets.
    public static readonly string[] BuildingNames = ["金桥", "华瑞", "锦江", "科创", "滨江", "时代", "新城", "汇金", "中天", "东方"];
    public static readonly string[] BuildingKinds = ["大厦", "商务中心", "国际广场", "写字楼"];

    // Workplaces (工作单位及职务): {p} the village or community, {t} the township, {e} an enterprise there.
    public static readonly string[] VillageWorkplaces = ["{p}务农", "{p}务农", "{p}务农", "{p}村民委员会", "外出务工", "{t}个体经营", "{p}种养殖专业合作社", "{e}", "退休"];
    public static readonly string[] CommunityWorkplaces = ["{p}居民", "{p}居民委员会", "退休", "退休", "{t}个体经营", "{e}", "{e}", "自由职业", "{t}社区卫生服务中心"];
    public static readonly string[] TownshipWorkplaces = ["{t}党政办公室", "{t}党建工作办公室", "{t}社会事务办公室", "{t}经济发展办公室", "{t}综合行政执法队"];
    public static readonly string[] DistrictWorkplaces = ["青川区委办公室", "青川区委组织部", "青川区委宣传部", "青川区纪委监委", "青川区人民政府办公室", "青川区委政法委"];

    public static readonly string[] VillageDuties = ["产业发展、集体经济", "综治维稳、矛盾调解", "青年、妇女工作", "人居环境整治", "乡村振兴、项目建设"];
    public static readonly string[] CommunityDuties = ["网格管理、民生服务", "综治维稳、矛盾调解", "青年、妇女工作", "退役军人服务、志愿服务", "物业管理、小区治理"];

    public static readonly string[] Ordinals = ["第一", "第二", "第三", "第四", "第五"];
}
