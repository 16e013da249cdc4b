-- 0003: an index for the ledger's category filters. Each ledger page also counts every matching
-- row; with a category (and an amount range) that count read the whole table (a million rows:
-- 280 ms on PostgreSQL). On (RegionId, Category, Amount) it is an index range scan (23 ms).
CREATE INDEX "IX_Contracts_RegionId_Category_Amount" ON "Contracts" ("RegionId", "Category", "Amount");
