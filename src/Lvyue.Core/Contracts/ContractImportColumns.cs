using Lvyue.Integration;

namespace Lvyue.Contracts;

/// <summary>The columns of the contract import template, in template order.</summary>
public static class ContractImportColumns
{
    public static readonly ImportColumn Number = new("number", "合同编号", "Contract number", true,
        "本单位内唯一，最多64个字符；同一文件内不得重复", "Unique within the unit, at most 64 characters; not repeated in the file", "101001-2026-101");
    public static readonly ImportColumn Title = new("title", "合同名称", "Title", true,
        "最多300字", "At most 300 characters", "示范区教育局办公家具采购合同");
    public static readonly ImportColumn UnitCode = new("unitCode", "采购单位编码", "Purchaser unit code", true,
        "预算单位在预算系统中的编码；只能为本人有权经办的单位导入", "The budget unit's code; only units you may file for", "101001");
    public static readonly ImportColumn RegionCode = new("regionCode", "区划代码", "Region code", false,
        "可选：单位编码在多个区域重复时用于区分（如440303）", "Optional: tells units with the same code in several regions apart (e.g. 440303)", "");
    public static readonly ImportColumn Department = new("department", "部门", "Department", false,
        "可选：本单位部门，多级用“/”分隔，如“办公室/财务组”", "Optional: a department of the unit, levels separated by '/', e.g. 办公室/财务组", "办公室");
    public static readonly ImportColumn Category = new("category", "合同类别", "Category", true,
        "工程、货物、服务之一", "One of 工程 (works), 货物 (goods), 服务 (services)", "货物")
    { Choices = Labels.Categories.Values.Select(l => l.Zh).ToList() };
    public static readonly ImportColumn Subcategory = new("subcategory", "合同小类", "Subcategory", true,
        "小类编码或名称（见下方小类列表），须属于所填类别", "Subcategory code or name (see the list below), within the category", "家具");
    public static readonly ImportColumn Method = new("method", "采购方式", "Procurement method", true,
        "公开招标、邀请招标、竞争性谈判、竞争性磋商、询价、单一来源、框架协议、自行采购之一", "One of the eight procurement methods listed", "询价")
    { Choices = Labels.Methods.Values.Select(l => l.Zh).ToList() };
    public static readonly ImportColumn Amount = new("amount", "合同金额（元）", "Amount (CNY)", true,
        "含税总价，以元为单位，最多两位小数", "Total including tax, in yuan, at most two decimals", "186000.00") { Kind = ImportCellKind.Number };
    public static readonly ImportColumn TaxRate = new("taxRate", "税率（%）", "Tax rate (%)", false,
        "增值税税率百分数，如 13 表示13%", "VAT rate in percent, e.g. 13", "13") { Kind = ImportCellKind.Number };
    public static readonly ImportColumn SignDate = new("signDate", "签订日期", "Sign date", false,
        "yyyy-MM-dd", "yyyy-MM-dd", "2026-03-02") { Kind = ImportCellKind.Date };
    public static readonly ImportColumn EffectiveDate = new("effectiveDate", "生效日期", "Effective date", false,
        "yyyy-MM-dd，不早于签订日期", "yyyy-MM-dd, not before the sign date", "2026-03-02") { Kind = ImportCellKind.Date };
    public static readonly ImportColumn StartDate = new("startDate", "履行开始日期", "Start date", false,
        "yyyy-MM-dd", "yyyy-MM-dd", "2026-03-10") { Kind = ImportCellKind.Date };
    public static readonly ImportColumn EndDate = new("endDate", "履行结束日期", "End date", false,
        "yyyy-MM-dd，不早于开始日期和签订日期", "yyyy-MM-dd, not before the start or sign date", "2026-06-30") { Kind = ImportCellKind.Date };
    public static readonly ImportColumn Year = new("year", "预算年度", "Budget year", false,
        "预算指标所属年度；不填时取签订日期的年份", "The budget line's year; the sign date's year when empty", "2026") { Kind = ImportCellKind.Number };
    public static readonly ImportColumn BudgetLine = new("budgetLine", "预算指标编码", "Budget line code", true,
        "本单位该年度预算指标的编码，可用余额须足以支付本文件中该指标下所有合同的金额（先有预算后购买）",
        "The code of the unit's budget line of that year; its balance must cover all contracts of the file on it", "2026-101001-02");
    public static readonly ImportColumn Suppliers = new("suppliers", "供应商统一社会信用代码", "Supplier USCC", true,
        "18位统一社会信用代码，联合体多个供应商用“；”或“;”分隔，第一个为牵头人；供应商须已在平台登记",
        "18-character codes; several (a consortium, the lead first) separated by ； or ;. Suppliers must already be registered", "");
    public static readonly ImportColumn KeyProject = new("keyProject", "重点项目", "Key project", false,
        "是 或 否，不填为否", "是 (yes) or 否 (no); empty means no", "否")
    { Kind = ImportCellKind.YesNo, Choices = ["是", "否"] };
    public static readonly ImportColumn Confidentiality = new("confidentiality", "密级", "Confidentiality", false,
        "公开、商业秘密、国家秘密之一，不填为公开；后两者不会公示", "公开 (public), 商业秘密 (commercial secret) or 国家秘密 (state secret); empty means public", "公开")
    { Choices = Labels.Confidentialities.Values.Select(l => l.Zh).ToList() };
    public static readonly ImportColumn PurchaserContactName = new("purchaserContactName", "采购人联系人", "Purchaser contact", false,
        "最多50字", "At most 50 characters", "李经办");
    public static readonly ImportColumn PurchaserContactPhone = new("purchaserContactPhone", "采购人联系电话", "Purchaser phone", false,
        "手机号或固话（如0755-82221234）", "Mobile or landline (e.g. 0755-82221234)", "0755-82221234");
    public static readonly ImportColumn PurchaserContactEmail = new("purchaserContactEmail", "采购人电子邮箱", "Purchaser email", false,
        "", "", "");
    public static readonly ImportColumn SupplierContactName = new("supplierContactName", "供应商联系人", "Supplier contact", false,
        "最多50字", "At most 50 characters", "冯经理");
    public static readonly ImportColumn SupplierContactPhone = new("supplierContactPhone", "供应商联系电话", "Supplier phone", false,
        "手机号或固话", "Mobile or landline", "13800131370");
    public static readonly ImportColumn SupplierContactEmail = new("supplierContactEmail", "供应商电子邮箱", "Supplier email", false,
        "", "", "");

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        Number, Title, UnitCode, Department, Category, Subcategory, Method, Amount, TaxRate, SignDate, EffectiveDate,
        StartDate, EndDate, Year, BudgetLine, Suppliers, KeyProject, Confidentiality, PurchaserContactName,
        PurchaserContactPhone, PurchaserContactEmail, SupplierContactName, SupplierContactPhone, SupplierContactEmail, RegionCode,
    ];

    /// <summary>The column a field key of <see cref="ContractRules.Check"/> is read from.</summary>
    public static ImportColumn ForField(string field) => field switch
    {
        "title" => Title,
        "number" => Number,
        "amount" => Amount,
        "taxRate" => TaxRate,
        "signDate" => SignDate,
        "effectiveDate" => EffectiveDate,
        "startDate" => StartDate,
        "endDate" => EndDate,
        "supplierIds" => Suppliers,
        "purchaserContactName" => PurchaserContactName,
        "purchaserContactPhone" => PurchaserContactPhone,
        "purchaserContactEmail" => PurchaserContactEmail,
        "supplierContactName" => SupplierContactName,
        "supplierContactPhone" => SupplierContactPhone,
        "supplierContactEmail" => SupplierContactEmail,
        "subcategoryId" => Subcategory,
        "departmentId" => Department,
        "budgetLineId" => BudgetLine,
        _ => UnitCode,
    };
}
