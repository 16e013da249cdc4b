namespace Lvyue.Contracts;

/// <summary>The default taxonomy of 30 subcategories (5 works, 6 goods, 19 services), editable by administrators.</summary>
public static class Taxonomy
{
    public static IReadOnlyList<Subcategory> Defaults() =>
    [
        S(Category.Works, "W01", "房屋建筑工程", "Building construction"),
        S(Category.Works, "W02", "市政工程", "Municipal works"),
        S(Category.Works, "W03", "装修工程", "Fit-out and decoration"),
        S(Category.Works, "W04", "绿化工程", "Landscaping works"),
        S(Category.Works, "W05", "水利工程", "Water conservancy works"),
        S(Category.Goods, "G01", "办公设备", "Office equipment"),
        S(Category.Goods, "G02", "医疗设备", "Medical equipment"),
        S(Category.Goods, "G03", "教学仪器", "Teaching instruments"),
        S(Category.Goods, "G04", "车辆", "Vehicles"),
        S(Category.Goods, "G05", "家具", "Furniture"),
        S(Category.Goods, "G06", "信息化设备", "IT equipment"),
        S(Category.Services, "S01", "物业管理", "Property management"),
        S(Category.Services, "S02", "清扫保洁", "Cleaning"),
        S(Category.Services, "S03", "绿化养护", "Green-space maintenance"),
        S(Category.Services, "S04", "安保服务", "Security services"),
        S(Category.Services, "S05", "社工服务", "Social work services"),
        S(Category.Services, "S06", "法律服务", "Legal services"),
        S(Category.Services, "S07", "审计咨询", "Audit and consulting"),
        S(Category.Services, "S08", "信息技术服务", "IT services and software"),
        S(Category.Services, "S09", "食堂托管", "Canteen operation"),
        S(Category.Services, "S10", "党群服务", "Community and party services"),
        S(Category.Services, "S11", "培训服务", "Training"),
        S(Category.Services, "S12", "设计服务", "Design services"),
        S(Category.Services, "S13", "监理服务", "Construction supervision"),
        S(Category.Services, "S14", "运维服务", "Operation and maintenance"),
        S(Category.Services, "S15", "印刷服务", "Printing"),
        S(Category.Services, "S16", "会议服务", "Conference services"),
        S(Category.Services, "S17", "租赁服务", "Leasing"),
        S(Category.Services, "S18", "保险服务", "Insurance"),
        S(Category.Services, "S19", "其他服务", "Other services"),
    ];

    private static Subcategory S(Category c, string code, string zh, string en) =>
        new() { Category = c, Code = code, Name = zh, NameEn = en, SortOrder = (int)c * 100 + int.Parse(code[1..]) };
}
