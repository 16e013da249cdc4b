-- 0015: re-reviews of a region's archive after a rule change (issue 4, batch review): one row per batch with its
-- progress (done/total, unreadable, failed, documents whose findings changed, findings added and resolved) and the
-- cursor (last document id done) from which a batch resumes; the chunks run as "review.batch" jobs of the Jobs table.
CREATE TABLE "ReviewBatches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewBatches" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NULL,
    "ChunkSize" INTEGER NOT NULL,
    "Total" INTEGER NOT NULL,
    "Done" INTEGER NOT NULL,
    "Unreadable" INTEGER NOT NULL,
    "Failed" INTEGER NOT NULL,
    "Changed" INTEGER NOT NULL,
    "FindingsAdded" INTEGER NOT NULL,
    "FindingsResolved" INTEGER NOT NULL,
    "CursorDocumentId" INTEGER NOT NULL,
    "RuleSetVersion" TEXT NULL,
    "LastError" TEXT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    CONSTRAINT "FK_ReviewBatches_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ReviewBatches_RegionId_Status" ON "ReviewBatches" ("RegionId", "Status");
