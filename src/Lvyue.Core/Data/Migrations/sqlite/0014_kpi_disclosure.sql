-- 0014: the budget-unit KPI (issue 6): versioned region rules and the stored result per unit and year with its indicators
-- and events; one row per night of the nightly recompute (star ratings, credit grades, KPI, publications); and the frozen
-- periodic publication lists (determinations, restrictions, red list) shown on the public disclosure portal.
CREATE TABLE "KpiPolicies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_KpiPolicies" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "ParametersJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_KpiPolicies_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "KpiResults" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_KpiResults" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "PolicyVersion" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    "ContractScore" INTEGER NOT NULL,
    "PerformanceScore" INTEGER NOT NULL,
    "EvaluationScore" INTEGER NOT NULL,
    "Grade" TEXT NOT NULL,
    "Vetoed" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "ReasonEn" TEXT NOT NULL,
    "DetailJson" TEXT NOT NULL,
    "AsOf" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    CONSTRAINT "FK_KpiResults_BudgetUnits_BudgetUnitId" FOREIGN KEY ("BudgetUnitId") REFERENCES "BudgetUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RecomputeRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecomputeRuns" PRIMARY KEY AUTOINCREMENT,
    "Night" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NOT NULL,
    "Ratings" INTEGER NOT NULL,
    "Grades" INTEGER NOT NULL,
    "KpiResults" INTEGER NOT NULL,
    "Publications" INTEGER NOT NULL,
    "Owner" TEXT NULL
);

CREATE TABLE "Publications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Publications" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "RowCount" INTEGER NOT NULL,
    "ContentJson" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "GeneratedAt" TEXT NOT NULL,
    "GeneratedBy" TEXT NOT NULL,
    CONSTRAINT "FK_Publications_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_KpiPolicies_RegionId_Version" ON "KpiPolicies" ("RegionId", "Version");
CREATE UNIQUE INDEX "IX_KpiResults_BudgetUnitId_Year" ON "KpiResults" ("BudgetUnitId", "Year");
CREATE INDEX "IX_KpiResults_RegionId_Year" ON "KpiResults" ("RegionId", "Year");
CREATE UNIQUE INDEX "IX_RecomputeRuns_Night" ON "RecomputeRuns" ("Night");
CREATE UNIQUE INDEX "IX_Publications_RegionId_Kind_PeriodLabel_Version" ON "Publications" ("RegionId", "Kind", "PeriodLabel", "Version");
CREATE INDEX "IX_Publications_PeriodEnd" ON "Publications" ("PeriodEnd");
