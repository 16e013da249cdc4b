-- 0011: accepted and corrected pre-filled fields of filed contracts (issue 3): one row per field extracted from the
-- uploaded document and shown on the filing form, with the value submitted; the correction rate per field measures extraction.
CREATE TABLE "ExtractionCorrections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExtractionCorrections" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "DocumentSha256" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "ExtractedValue" TEXT NULL,
    "FinalValue" TEXT NULL,
    "Confidence" REAL NOT NULL,
    "Corrected" INTEGER NOT NULL,
    "RecordedBy" TEXT NULL,
    "RecordedAt" TEXT NOT NULL
);

CREATE INDEX "IX_ExtractionCorrections_ContractId" ON "ExtractionCorrections" ("ContractId");
CREATE INDEX "IX_ExtractionCorrections_RegionId_Field" ON "ExtractionCorrections" ("RegionId", "Field");
