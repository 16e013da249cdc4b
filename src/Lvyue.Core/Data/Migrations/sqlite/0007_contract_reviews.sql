-- 0007: stored reviews of contract document versions against the rule set (issue 4): one ContractReviews row per
-- reviewed version (rule-set version, normalized text, counts per group, or the reason it could not be read) and its
-- findings with the reviewer's answer (open / accepted / dismissed, reason, who, when).
CREATE TABLE "ContractReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContractReviews" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "DocumentId" INTEGER NOT NULL,
    "DocumentSha256" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "VersionNo" INTEGER NOT NULL,
    "PreviousReviewId" INTEGER NULL,
    "RuleSetVersion" TEXT NOT NULL,
    "ReviewedAt" TEXT NOT NULL,
    "ReviewedBy" TEXT NULL,
    "Error" TEXT NULL,
    "Text" TEXT NOT NULL,
    "ComplianceCount" INTEGER NOT NULL,
    "SevereCount" INTEGER NOT NULL,
    "GeneralCount" INTEGER NOT NULL,
    "MissingCount" INTEGER NOT NULL
);
CREATE TABLE "ReviewFindings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewFindings" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "ContractId" INTEGER NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Group" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "ClauseType" TEXT NULL,
    "Start" INTEGER NULL,
    "End" INTEGER NULL,
    "Excerpt" TEXT NULL,
    "MessageZh" TEXT NOT NULL,
    "MessageEn" TEXT NOT NULL,
    "Basis" TEXT NULL,
    "Suggestion" TEXT NULL,
    "CarriedOver" INTEGER NOT NULL,
    "Disposition" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    CONSTRAINT "FK_ReviewFindings_ContractReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "ContractReviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ContractReviews_ContractId_ReviewedAt" ON "ContractReviews" ("ContractId", "ReviewedAt");
CREATE INDEX "IX_ContractReviews_DocumentId" ON "ContractReviews" ("DocumentId");
CREATE INDEX "IX_ReviewFindings_ContractId_RuleId" ON "ReviewFindings" ("ContractId", "RuleId");
CREATE INDEX "IX_ReviewFindings_ReviewId" ON "ReviewFindings" ("ReviewId");
