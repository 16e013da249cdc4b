-- 0005: performance tracking (issue 5): milestones with fixed dates or due rules, the official working-day calendar
-- (holidays and 调休 workdays per year), per-region grace, the overdue register (逾期执行库) with supervision actions,
-- the termination register (终止库) and the credit events handed to the credit capability.
-- The partial index IX_Milestones_Open_RegionId_DueDate holds only open milestones: the overdue and reminder sweeps
-- read "open, due before D, in region R" from it without touching met/waived rows.
CREATE TABLE "CalendarDays" (
    "Date" TEXT NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "CalendarYears" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_CalendarYears" PRIMARY KEY,
    "Provisional" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL
);

CREATE TABLE "CreditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CreditEvents" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "PartyKind" TEXT NOT NULL,
    "PartyId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "ContractId" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "CountsAsDishonest" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "PerformancePolicies" (
    "RegionId" INTEGER NOT NULL CONSTRAINT "PK_PerformancePolicies" PRIMARY KEY,
    "GraceWorkingDays" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    CONSTRAINT "FK_PerformancePolicies_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TerminationEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TerminationEntries" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "SupplierId" INTEGER NULL,
    "EnteredOn" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "DocumentIds" TEXT NULL,
    "EnteredBy" TEXT NULL,
    "Outcome" TEXT NULL,
    "OutcomeOn" TEXT NULL,
    "OutcomeNote" TEXT NULL,
    "OutcomeBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_TerminationEntries_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Milestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "DueDate" TEXT NULL,
    "RuleTrigger" TEXT NULL,
    "TriggerMilestoneId" INTEGER NULL,
    "RuleOffsetDays" INTEGER NULL,
    "RuleDayCount" TEXT NULL,
    "RuleText" TEXT NULL,
    "SeriesKey" TEXT NULL,
    "Recurrence" TEXT NULL,
    "Amount" INTEGER NULL,
    "ResponsibleParty" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "MetDate" TEXT NULL,
    "EvidenceDocumentId" INTEGER NULL,
    "EvidenceNote" TEXT NULL,
    "Source" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Milestones_ContractDocuments_EvidenceDocumentId" FOREIGN KEY ("EvidenceDocumentId") REFERENCES "ContractDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Milestones_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Milestones_Milestones_TriggerMilestoneId" FOREIGN KEY ("TriggerMilestoneId") REFERENCES "Milestones" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "OverdueEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OverdueEntries" PRIMARY KEY AUTOINCREMENT,
    "MilestoneId" INTEGER NOT NULL,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "SupplierId" INTEGER NULL,
    "ResponsibleParty" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "EnteredOn" TEXT NOT NULL,
    "GraceWorkingDays" INTEGER NOT NULL,
    "CloseWatch" INTEGER NOT NULL,
    "ExitedOn" TEXT NULL,
    "ExitReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OverdueEntries_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupervisionActions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SupervisionActions" PRIMARY KEY AUTOINCREMENT,
    "OverdueEntryId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "DocumentId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SupervisionActions_OverdueEntries_OverdueEntryId" FOREIGN KEY ("OverdueEntryId") REFERENCES "OverdueEntries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CalendarDays_Year" ON "CalendarDays" ("Year");

CREATE INDEX "IX_CreditEvents_ContractId" ON "CreditEvents" ("ContractId");

CREATE INDEX "IX_CreditEvents_PartyKind_PartyId" ON "CreditEvents" ("PartyKind", "PartyId");

CREATE UNIQUE INDEX "IX_CreditEvents_Source" ON "CreditEvents" ("Source");

CREATE INDEX "IX_Milestones_BudgetUnitId_DueDate" ON "Milestones" ("BudgetUnitId", "DueDate");

CREATE INDEX "IX_Milestones_ContractId_Sequence" ON "Milestones" ("ContractId", "Sequence");

CREATE INDEX "IX_Milestones_EvidenceDocumentId" ON "Milestones" ("EvidenceDocumentId");

CREATE INDEX "IX_Milestones_Open_RegionId_DueDate" ON "Milestones" ("RegionId", "DueDate") WHERE "Status" IN ('Planned', 'Due', 'PartiallyMet');

CREATE INDEX "IX_Milestones_TriggerMilestoneId" ON "Milestones" ("TriggerMilestoneId");

CREATE INDEX "IX_OverdueEntries_BudgetUnitId_ExitedOn" ON "OverdueEntries" ("BudgetUnitId", "ExitedOn");

CREATE INDEX "IX_OverdueEntries_ContractId" ON "OverdueEntries" ("ContractId");

CREATE UNIQUE INDEX "IX_OverdueEntries_MilestoneId" ON "OverdueEntries" ("MilestoneId");

CREATE INDEX "IX_OverdueEntries_RegionId_ExitedOn" ON "OverdueEntries" ("RegionId", "ExitedOn");

CREATE INDEX "IX_OverdueEntries_SupplierId_ExitedOn" ON "OverdueEntries" ("SupplierId", "ExitedOn");

CREATE INDEX "IX_SupervisionActions_OverdueEntryId" ON "SupervisionActions" ("OverdueEntryId");

CREATE UNIQUE INDEX "IX_TerminationEntries_ContractId" ON "TerminationEntries" ("ContractId");

CREATE INDEX "IX_TerminationEntries_RegionId_EnteredOn" ON "TerminationEntries" ("RegionId", "EnteredOn");

-- The official calendar shipped with the platform (the same rows as Lvyue.Performance.OfficialCalendar):
-- 2026 from the State Council's notice, 2027 the statutory holidays only, provisional until the arrangement is entered.
INSERT INTO "CalendarYears" ("Year", "Provisional", "Source", "UpdatedAt", "UpdatedBy") VALUES
    (2026, 0, '国务院办公厅关于2026年部分节假日安排的通知', '2026-01-01 00:00:00', 'system'),
    (2027, 1, '《全国年节及纪念日放假办法》（2024年修订）规定的法定节假日；国务院办公厅2027年放假安排公布前为暂定，调休未录入', '2026-01-01 00:00:00', 'system');

INSERT INTO "CalendarDays" ("Date", "Year", "Kind", "Name") VALUES
    ('2026-01-01', 2026, 'Holiday', '元旦'),
    ('2026-01-02', 2026, 'Holiday', '元旦'),
    ('2026-01-03', 2026, 'Holiday', '元旦'),
    ('2026-01-04', 2026, 'Workday', '元旦'),
    ('2026-02-14', 2026, 'Workday', '春节'),
    ('2026-02-15', 2026, 'Holiday', '春节'),
    ('2026-02-16', 2026, 'Holiday', '春节'),
    ('2026-02-17', 2026, 'Holiday', '春节'),
    ('2026-02-18', 2026, 'Holiday', '春节'),
    ('2026-02-19', 2026, 'Holiday', '春节'),
    ('2026-02-20', 2026, 'Holiday', '春节'),
    ('2026-02-21', 2026, 'Holiday', '春节'),
    ('2026-02-22', 2026, 'Holiday', '春节'),
    ('2026-02-23', 2026, 'Holiday', '春节'),
    ('2026-02-28', 2026, 'Workday', '春节'),
    ('2026-04-04', 2026, 'Holiday', '清明节'),
    ('2026-04-05', 2026, 'Holiday', '清明节'),
    ('2026-04-06', 2026, 'Holiday', '清明节'),
    ('2026-05-01', 2026, 'Holiday', '劳动节'),
    ('2026-05-02', 2026, 'Holiday', '劳动节'),
    ('2026-05-03', 2026, 'Holiday', '劳动节'),
    ('2026-05-04', 2026, 'Holiday', '劳动节'),
    ('2026-05-05', 2026, 'Holiday', '劳动节'),
    ('2026-05-09', 2026, 'Workday', '劳动节'),
    ('2026-06-19', 2026, 'Holiday', '端午节'),
    ('2026-06-20', 2026, 'Holiday', '端午节'),
    ('2026-06-21', 2026, 'Holiday', '端午节'),
    ('2026-09-20', 2026, 'Workday', '国庆节'),
    ('2026-09-25', 2026, 'Holiday', '中秋节'),
    ('2026-09-26', 2026, 'Holiday', '中秋节'),
    ('2026-09-27', 2026, 'Holiday', '中秋节'),
    ('2026-10-01', 2026, 'Holiday', '国庆节'),
    ('2026-10-02', 2026, 'Holiday', '国庆节'),
    ('2026-10-03', 2026, 'Holiday', '国庆节'),
    ('2026-10-04', 2026, 'Holiday', '国庆节'),
    ('2026-10-05', 2026, 'Holiday', '国庆节'),
    ('2026-10-06', 2026, 'Holiday', '国庆节'),
    ('2026-10-07', 2026, 'Holiday', '国庆节'),
    ('2026-10-10', 2026, 'Workday', '国庆节'),
    ('2027-01-01', 2027, 'Holiday', '元旦'),
    ('2027-02-05', 2027, 'Holiday', '春节'),
    ('2027-02-06', 2027, 'Holiday', '春节'),
    ('2027-02-07', 2027, 'Holiday', '春节'),
    ('2027-02-08', 2027, 'Holiday', '春节'),
    ('2027-04-05', 2027, 'Holiday', '清明节'),
    ('2027-05-01', 2027, 'Holiday', '劳动节'),
    ('2027-05-02', 2027, 'Holiday', '劳动节'),
    ('2027-06-09', 2027, 'Holiday', '端午节'),
    ('2027-09-15', 2027, 'Holiday', '中秋节'),
    ('2027-10-01', 2027, 'Holiday', '国庆节'),
    ('2027-10-02', 2027, 'Holiday', '国庆节'),
    ('2027-10-03', 2027, 'Holiday', '国庆节');
