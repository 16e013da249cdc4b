-- 0013: region rule profiles of the review rule library (issue 4): one row per version of a region's profile, holding the
-- whole profile after one change (library rules disabled or tuned, the region's own pattern rules) and the change itself.
CREATE TABLE "RuleProfileVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RuleProfileVersions" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "ChangeKind" TEXT NOT NULL,
    "RuleId" TEXT NULL,
    "Reason" TEXT NULL,
    "SummaryZh" TEXT NOT NULL,
    "SummaryEn" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL
);

CREATE UNIQUE INDEX "IX_RuleProfileVersions_RegionId_Version" ON "RuleProfileVersions" ("RegionId", "Version");
