using Lvyue.Organizations;

namespace Lvyue.Tests.Data;

/// <summary>
/// Rows written as version 1 of the schema stores them (raw SQL, no EF model), to be upgraded by
/// later scripts: a region, unit, supplier, budget line, subcategory, a filed contract and an audit row.
/// </summary>
internal static class LegacyRows
{
    public const string Number = "LEGACY-2025-001";
    public const decimal Amount = 123_456.78m;

    public static string Sql(bool postgres)
    {
        // SQLite stores money as integer ten-thousandths, dates as text and booleans as 0/1.
        var amount = postgres ? "123456.78" : "1234567800";
        var line = postgres ? "5000000" : "50000000000";
        string B(bool v) => postgres ? (v ? "TRUE" : "FALSE") : (v ? "1" : "0");
        var date = postgres ? "DATE '2025-12-01'" : "'2025-12-01'";
        var at = postgres ? "TIMESTAMPTZ '2025-12-01 08:00:00+00'" : "'2025-12-01 08:00:00'";
        var unitUscc = Uscc.Complete("11990001000000001");
        var supplierUscc = Uscc.Complete("91990001MA0000001");
        return $"""
            INSERT INTO "Regions" ("Code", "Name") VALUES ('990001', '旧库区');
            INSERT INTO "BudgetUnits" ("RegionId", "Code", "Name", "Uscc")
                SELECT "Id", '901001', '旧库示范单位', '{unitUscc}' FROM "Regions" WHERE "Code" = '990001';
            INSERT INTO "Suppliers" ("Name", "Uscc", "IsSme") VALUES ('旧库物业服务有限公司', '{supplierUscc}', {B(true)});
            INSERT INTO "Subcategories" ("Category", "Code", "Name", "NameEn", "SortOrder", "IsActive")
                VALUES ('Services', 'S01', '物业管理', 'Property management', 201, {B(true)});
            INSERT INTO "BudgetLines" ("BudgetUnitId", "RegionId", "Year", "Code", "Name", "Amount", "Committed")
                SELECT "Id", "RegionId", 2025, '2025-901001-03', '委托业务费', {line}, {amount} FROM "BudgetUnits" WHERE "Code" = '901001';
            INSERT INTO "Contracts" ("RegionId", "BudgetUnitId", "Number", "Title", "Category", "SubcategoryId", "ProcurementMethod",
                    "Amount", "SignDate", "BudgetLineId", "IsKeyProject", "Confidentiality", "FilingRequired", "Status",
                    "SearchText", "CreatedAt", "UpdatedAt", "CreatedBy", "Version")
                SELECT u."RegionId", u."Id", '{Number}', '旧库示范单位物业管理服务合同', 'Services', s."Id", 'OpenTender',
                    {amount}, {date}, l."Id", {B(false)}, 'Public', {B(true)}, 'Filed',
                    '旧库示范单位物业管理服务合同 legacy-2025-001 旧库示范单位 旧库物业服务有限公司', {at}, {at}, 'legacy', 3
                FROM "BudgetUnits" u, "Subcategories" s, "BudgetLines" l
                WHERE u."Code" = '901001' AND s."Code" = 'S01' AND l."Code" = '2025-901001-03';
            INSERT INTO "ContractSuppliers" ("ContractId", "SupplierId", "SortOrder")
                SELECT c."Id", p."Id", 0 FROM "Contracts" c, "Suppliers" p WHERE c."Number" = '{Number}' AND p."Uscc" = '{supplierUscc}';
            INSERT INTO "AuditEntries" ("At", "Actor", "Action", "EntityType", "EntityId", "After")
                VALUES ({at}, 'legacy', 'insert', 'Contract', '1', '{"{"}"Number":"{Number}"{"}"}');
            """;
    }
}
