-- 0006: the durable job table (leased with FOR UPDATE SKIP LOCKED; see README "Background jobs"), notification
-- deliveries (one row per message, unique reminder key), the in-app inbox, webhook endpoints and reminder offsets.
CREATE TABLE "Jobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT,
    "UniqueName" TEXT,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "MaxAttempts" INTEGER NOT NULL,
    "RunAt" TEXT NOT NULL,
    "LeaseOwner" TEXT,
    "LeaseExpiresAt" TEXT,
    "LastError" TEXT,
    "EverySeconds" INTEGER,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT
);

CREATE TABLE "NotificationDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationDeliveries" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "RecipientName" TEXT,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT,
    "RegionId" INTEGER,
    "BudgetUnitId" INTEGER,
    "ContractId" INTEGER,
    "MilestoneId" INTEGER,
    "OffsetDays" INTEGER,
    "WebhookEndpointId" INTEGER,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT,
    "LastError" TEXT,
    "DedupeKey" TEXT,
    "JobId" INTEGER,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT
);

CREATE TABLE "InboxItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InboxItems" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT,
    "ContractId" INTEGER,
    "MilestoneId" INTEGER,
    "DeliveryId" INTEGER,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT
);

CREATE TABLE "WebhookEndpoints" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookEndpoints" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER,
    "Name" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT
);

CREATE TABLE "ReminderSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReminderSettings" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Kind" TEXT,
    "OffsetDays" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT
);

CREATE INDEX "IX_InboxItems_UserId_ReadAt_CreatedAt" ON "InboxItems" ("UserId", "ReadAt", "CreatedAt");
CREATE INDEX "IX_Jobs_Status_RunAt" ON "Jobs" ("Status", "RunAt");
CREATE UNIQUE INDEX "IX_Jobs_UniqueName" ON "Jobs" ("UniqueName");
CREATE INDEX "IX_NotificationDeliveries_BudgetUnitId_Status_CreatedAt" ON "NotificationDeliveries" ("BudgetUnitId", "Status", "CreatedAt");
CREATE UNIQUE INDEX "IX_NotificationDeliveries_DedupeKey" ON "NotificationDeliveries" ("DedupeKey");
CREATE INDEX "IX_NotificationDeliveries_MilestoneId_OffsetDays" ON "NotificationDeliveries" ("MilestoneId", "OffsetDays");
CREATE INDEX "IX_NotificationDeliveries_RegionId_Status_CreatedAt" ON "NotificationDeliveries" ("RegionId", "Status", "CreatedAt");
CREATE INDEX "IX_ReminderSettings_RegionId_Kind" ON "ReminderSettings" ("RegionId", "Kind");
CREATE INDEX "IX_WebhookEndpoints_RegionId" ON "WebhookEndpoints" ("RegionId");
