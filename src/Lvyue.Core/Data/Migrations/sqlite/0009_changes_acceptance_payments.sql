-- 0009: changes (变更), acceptance (验收) and payments (支付) of issue 5, and the compliance alerts their
-- cross-checks raise (paid before acceptance, overpaid, payee not the supplier, SME paid late, changes above
-- 10% of the original amount). Payment voucher numbers are unique across the platform.

CREATE TABLE "AcceptanceRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AcceptanceRecords" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "Participants" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "ReportDocumentId" INTEGER NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    CONSTRAINT "FK_AcceptanceRecords_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContractChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContractChanges" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "SequenceNo" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Description" TEXT NULL,
    "AmountBefore" INTEGER NULL,
    "AmountAfter" INTEGER NULL,
    "EndDateBefore" TEXT NULL,
    "EndDateAfter" TEXT NULL,
    "SupplierIdBefore" INTEGER NULL,
    "SupplierIdAfter" INTEGER NULL,
    "OriginalAmount" INTEGER NULL,
    "CumulativeIncrease" INTEGER NULL,
    "NonCompliant" INTEGER NOT NULL,
    "DocumentId" INTEGER NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecisionNote" TEXT NULL,
    CONSTRAINT "FK_ContractChanges_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ComplianceAlerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ComplianceAlerts" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "PaymentId" INTEGER NULL,
    "ChangeId" INTEGER NULL,
    "Message" TEXT NOT NULL,
    "MessageEn" TEXT NOT NULL,
    "Amount" INTEGER NULL,
    "DaysLate" INTEGER NULL,
    "Interest" INTEGER NULL,
    "RaisedAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    "ResolvedBy" TEXT NULL,
    "ResolutionNote" TEXT NULL,
    CONSTRAINT "FK_ComplianceAlerts_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NULL,
    "BudgetUnitId" INTEGER NULL,
    "ContractId" INTEGER NULL,
    "MilestoneId" INTEGER NULL,
    "VoucherNo" TEXT NOT NULL,
    "PayDate" TEXT NOT NULL,
    "PayerUnit" TEXT NOT NULL,
    "PayeeName" TEXT NOT NULL,
    "PayeeAccount" TEXT NULL,
    "Amount" INTEGER NOT NULL,
    "ContractNumber" TEXT NULL,
    "Purpose" TEXT NULL,
    "Match" TEXT NOT NULL,
    "MatchedAt" TEXT NULL,
    "MatchedBy" TEXT NULL,
    "Source" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    CONSTRAINT "FK_Payments_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE SET NULL
);

CREATE TABLE "AcceptanceFindings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AcceptanceFindings" PRIMARY KEY AUTOINCREMENT,
    "AcceptanceRecordId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Item" TEXT NOT NULL,
    "Standard" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AcceptanceFindings_AcceptanceRecords_AcceptanceRecordId" FOREIGN KEY ("AcceptanceRecordId") REFERENCES "AcceptanceRecords" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AcceptanceFindings_AcceptanceRecordId" ON "AcceptanceFindings" ("AcceptanceRecordId");
CREATE INDEX "IX_AcceptanceRecords_ContractId_Date" ON "AcceptanceRecords" ("ContractId", "Date");
CREATE INDEX "IX_ComplianceAlerts_ContractId_RaisedAt" ON "ComplianceAlerts" ("ContractId", "RaisedAt");
CREATE INDEX "IX_ComplianceAlerts_PaymentId" ON "ComplianceAlerts" ("PaymentId");
CREATE INDEX "IX_ComplianceAlerts_RegionId_ResolvedAt" ON "ComplianceAlerts" ("RegionId", "ResolvedAt");
CREATE INDEX "IX_ContractChanges_BudgetUnitId_State" ON "ContractChanges" ("BudgetUnitId", "State");
CREATE UNIQUE INDEX "IX_ContractChanges_ContractId_SequenceNo" ON "ContractChanges" ("ContractId", "SequenceNo");
CREATE INDEX "IX_Payments_ContractId_PayDate" ON "Payments" ("ContractId", "PayDate");
CREATE INDEX "IX_Payments_MilestoneId" ON "Payments" ("MilestoneId");
CREATE INDEX "IX_Payments_RegionId_Match" ON "Payments" ("RegionId", "Match");
CREATE UNIQUE INDEX "IX_Payments_VoucherNo" ON "Payments" ("VoucherNo");
