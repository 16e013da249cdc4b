-- 0010: evaluation and credit (issue 6): versioned evaluation templates and their items, assessments with item
-- scores, versioned region evaluation policies, the events and deductions they produce, star ratings and their
-- history, credit records and grades, dishonesty determinations and procurement restrictions (sanctions).
CREATE TABLE "EvaluationTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EvaluationTemplates" PRIMARY KEY AUTOINCREMENT,
    "Category" TEXT NOT NULL,
    "SubcategoryId" INTEGER NULL,
    "Line" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Frequency" TEXT NOT NULL,
    "ScorerRole" TEXT NOT NULL,
    "SatisfactionSurvey" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_EvaluationTemplates_Subcategories_SubcategoryId" FOREIGN KEY ("SubcategoryId") REFERENCES "Subcategories" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EvaluationTemplateItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EvaluationTemplateItems" PRIMARY KEY AUTOINCREMENT,
    "TemplateId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Weight" INTEGER NOT NULL,
    "MaxScore" INTEGER NOT NULL,
    "Guidance" TEXT NOT NULL,
    CONSTRAINT "FK_EvaluationTemplateItems_EvaluationTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "EvaluationTemplates" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvaluationPolicies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EvaluationPolicies" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "AppliesTo" TEXT NOT NULL,
    "TerminationThreshold" INTEGER NOT NULL,
    "TerminationConsecutive" INTEGER NOT NULL,
    "TerminationTimesInTerm" INTEGER NOT NULL,
    "BidBanThreshold" INTEGER NOT NULL,
    "DeductionCap" INTEGER NOT NULL,
    "DeductionBandsJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Note" TEXT NULL
);

CREATE TABLE "Assessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Assessments" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "SupplierId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "TemplateId" INTEGER NOT NULL,
    "Line" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "EvidenceFileName" TEXT NULL,
    "EvidenceSha256" TEXT NULL,
    "ScoredBy" TEXT NOT NULL,
    "ScoredAt" TEXT NOT NULL,
    CONSTRAINT "FK_Assessments_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assessments_EvaluationTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "EvaluationTemplates" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AssessmentScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AssessmentScores" PRIMARY KEY AUTOINCREMENT,
    "AssessmentId" INTEGER NOT NULL,
    "TemplateItemId" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    "Remark" TEXT NULL,
    CONSTRAINT "FK_AssessmentScores_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssessmentScores_EvaluationTemplateItems_TemplateItemId" FOREIGN KEY ("TemplateItemId") REFERENCES "EvaluationTemplateItems" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PolicyEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PolicyEvents" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "ContractId" INTEGER NOT NULL,
    "SupplierId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "AssessmentId" INTEGER NOT NULL,
    "PolicyId" INTEGER NOT NULL,
    "PolicyVersion" INTEGER NOT NULL,
    "Year" INTEGER NULL,
    "Amount" INTEGER NULL,
    "Reason" TEXT NOT NULL,
    "ReasonEn" TEXT NOT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "Deductions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Deductions" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "SupplierId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "AssessmentId" INTEGER NOT NULL,
    "PolicyEventId" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "PeriodFee" INTEGER NULL,
    "Basis" TEXT NOT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "StarRatings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StarRatings" PRIMARY KEY AUTOINCREMENT,
    "SupplierId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Stars" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    "ContractCount" INTEGER NOT NULL,
    "AssessmentCount" INTEGER NOT NULL,
    "AsOf" TEXT NOT NULL,
    "FormulaVersion" INTEGER NOT NULL,
    "ComputedAt" TEXT NOT NULL
);

CREATE TABLE "StarRatingChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StarRatingChanges" PRIMARY KEY AUTOINCREMENT,
    "SupplierId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "FromStars" INTEGER NULL,
    "Stars" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    "ContractCount" INTEGER NOT NULL,
    "AsOf" TEXT NOT NULL,
    "FormulaVersion" INTEGER NOT NULL,
    "AssessmentId" INTEGER NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "CreditRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CreditRecords" PRIMARY KEY AUTOINCREMENT,
    "Subject" TEXT NOT NULL,
    "SubjectId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ContractId" INTEGER NULL,
    "SourceKey" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Counted" INTEGER NOT NULL,
    "Dishonest" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL,
    "SummaryEn" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "ExpiresOn" TEXT NULL,
    "RecordedAt" TEXT NOT NULL
);

CREATE TABLE "CreditGrades" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CreditGrades" PRIMARY KEY AUTOINCREMENT,
    "Subject" TEXT NOT NULL,
    "SubjectId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Grade" TEXT NOT NULL,
    "Score" INTEGER NOT NULL,
    "EvaluationScore" INTEGER NULL,
    "RecordCount" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "ReasonEn" TEXT NOT NULL,
    "RulesVersion" INTEGER NOT NULL,
    "AsOf" TEXT NOT NULL,
    "ComputedAt" TEXT NOT NULL
);

CREATE TABLE "DishonestyDeterminations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DishonestyDeterminations" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "SubjectId" INTEGER NOT NULL,
    "SubjectName" TEXT NOT NULL,
    "SubjectUscc" TEXT NULL,
    "ContractId" INTEGER NULL,
    "Number" TEXT NULL,
    "Facts" TEXT NOT NULL,
    "Basis" TEXT NOT NULL,
    "Measures" TEXT NOT NULL,
    "AppealRoute" TEXT NOT NULL,
    "RestrictionMonths" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "ProposedBy" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "ExpiresOn" TEXT NULL,
    "DocxSha256" TEXT NULL,
    "PdfSha256" TEXT NULL,
    "AppealReason" TEXT NULL,
    "AppealedBy" TEXT NULL,
    "AppealedAt" TEXT NULL,
    "AppealDecisionNote" TEXT NULL,
    "AppealDecidedAt" TEXT NULL,
    "RepairReason" TEXT NULL,
    "RepairedBy" TEXT NULL,
    "RepairedAt" TEXT NULL
);

CREATE TABLE "Sanctions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sanctions" PRIMARY KEY AUTOINCREMENT,
    "SupplierId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "DeterminationId" INTEGER NULL,
    "From" TEXT NOT NULL,
    "Until" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LiftedAt" TEXT NULL,
    "LiftReason" TEXT NULL,
    CONSTRAINT "FK_Sanctions_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Assessments_BudgetUnitId_ScoredAt" ON "Assessments" ("BudgetUnitId", "ScoredAt");

CREATE UNIQUE INDEX "IX_Assessments_ContractId_Line_PeriodStart" ON "Assessments" ("ContractId", "Line", "PeriodStart");

CREATE INDEX "IX_Assessments_RegionId_ScoredAt" ON "Assessments" ("RegionId", "ScoredAt");

CREATE INDEX "IX_Assessments_SupplierId_Category" ON "Assessments" ("SupplierId", "Category");

CREATE INDEX "IX_Assessments_TemplateId" ON "Assessments" ("TemplateId");

CREATE INDEX "IX_AssessmentScores_AssessmentId" ON "AssessmentScores" ("AssessmentId");

CREATE INDEX "IX_AssessmentScores_TemplateItemId" ON "AssessmentScores" ("TemplateItemId");

CREATE UNIQUE INDEX "IX_CreditGrades_Subject_SubjectId_Year" ON "CreditGrades" ("Subject", "SubjectId", "Year");

CREATE INDEX "IX_CreditRecords_RegionId_OccurredOn" ON "CreditRecords" ("RegionId", "OccurredOn");

CREATE UNIQUE INDEX "IX_CreditRecords_SourceKey" ON "CreditRecords" ("SourceKey");

CREATE INDEX "IX_CreditRecords_Subject_SubjectId_OccurredOn" ON "CreditRecords" ("Subject", "SubjectId", "OccurredOn");

CREATE INDEX "IX_Deductions_ContractId" ON "Deductions" ("ContractId");

CREATE UNIQUE INDEX "IX_Deductions_PolicyEventId" ON "Deductions" ("PolicyEventId");

CREATE UNIQUE INDEX "IX_DishonestyDeterminations_Number" ON "DishonestyDeterminations" ("Number");

CREATE INDEX "IX_DishonestyDeterminations_RegionId_State" ON "DishonestyDeterminations" ("RegionId", "State");

CREATE INDEX "IX_DishonestyDeterminations_Subject_SubjectId" ON "DishonestyDeterminations" ("Subject", "SubjectId");

CREATE UNIQUE INDEX "IX_EvaluationPolicies_RegionId_Version" ON "EvaluationPolicies" ("RegionId", "Version");

CREATE UNIQUE INDEX "IX_EvaluationTemplateItems_TemplateId_Code" ON "EvaluationTemplateItems" ("TemplateId", "Code");

CREATE INDEX "IX_EvaluationTemplates_Category_Line_Version" ON "EvaluationTemplates" ("Category", "Line", "Version");

CREATE INDEX "IX_EvaluationTemplates_SubcategoryId_Line_Version" ON "EvaluationTemplates" ("SubcategoryId", "Line", "Version");

CREATE INDEX "IX_PolicyEvents_AssessmentId" ON "PolicyEvents" ("AssessmentId");

CREATE INDEX "IX_PolicyEvents_ContractId_Kind" ON "PolicyEvents" ("ContractId", "Kind");

CREATE INDEX "IX_PolicyEvents_RegionId_At" ON "PolicyEvents" ("RegionId", "At");

CREATE INDEX "IX_PolicyEvents_SupplierId" ON "PolicyEvents" ("SupplierId");

CREATE INDEX "IX_Sanctions_DeterminationId" ON "Sanctions" ("DeterminationId");

CREATE INDEX "IX_Sanctions_SupplierId_Until" ON "Sanctions" ("SupplierId", "Until");

CREATE INDEX "IX_StarRatingChanges_SupplierId_At" ON "StarRatingChanges" ("SupplierId", "At");

CREATE UNIQUE INDEX "IX_StarRatings_SupplierId_Category" ON "StarRatings" ("SupplierId", "Category");
