-- 0004: the notarization log (issue 7): leaves, complete-subtree hashes keyed by (level, index) so that a
-- root or proof reads O(log n) rows, and signed checkpoints. See docs/notary-leaf-format.md.
CREATE TABLE "NotaryCheckpoints" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotaryCheckpoints" PRIMARY KEY AUTOINCREMENT,
    "TreeSize" INTEGER NOT NULL,
    "RootHash" BLOB NOT NULL,
    "Note" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "NotaryLeaves" (
    "Index" INTEGER NOT NULL CONSTRAINT "PK_NotaryLeaves" PRIMARY KEY,
    "LeafHash" BLOB NOT NULL,
    "Data" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ContractId" INTEGER NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "NotaryNodes" (
    "Level" INTEGER NOT NULL,
    "Index" INTEGER NOT NULL,
    "Hash" BLOB NOT NULL,
    CONSTRAINT "PK_NotaryNodes" PRIMARY KEY ("Level", "Index")
);

CREATE INDEX "IX_NotaryCheckpoints_TreeSize" ON "NotaryCheckpoints" ("TreeSize");
CREATE INDEX "IX_NotaryLeaves_ContractId_Index" ON "NotaryLeaves" ("ContractId", "Index");
CREATE INDEX "IX_NotaryLeaves_LeafHash" ON "NotaryLeaves" ("LeafHash");
