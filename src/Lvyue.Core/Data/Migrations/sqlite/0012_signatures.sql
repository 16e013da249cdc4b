-- 0012: electronic signatures of contract documents (issue 7): the platform CA's and imported certificates
-- (private keys encrypted at rest), the signing plan of a contract, and the detached signatures.

CREATE TABLE "SigningCertificates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SigningCertificates" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Algorithm" TEXT NOT NULL,
    "BudgetUnitId" INTEGER NULL,
    "SupplierId" INTEGER NULL,
    "UserName" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "CommonName" TEXT NOT NULL,
    "Issuer" TEXT NOT NULL,
    "SerialNumber" TEXT NOT NULL,
    "NotBefore" TEXT NOT NULL,
    "NotAfter" TEXT NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "Der" BLOB NOT NULL,
    "ProtectedKey" BLOB NULL,
    "KeyProtectorId" TEXT NULL,
    "IssuerCertificateId" INTEGER NULL,
    "IsTrustAnchor" INTEGER NOT NULL,
    "IsImported" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "RevocationReason" TEXT NULL,
    CONSTRAINT "FK_SigningCertificates_SigningCertificates_IssuerCertificateId" FOREIGN KEY ("IssuerCertificateId") REFERENCES "SigningCertificates" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContractSigningPlans" (
    "ContractId" INTEGER NOT NULL CONSTRAINT "PK_ContractSigningPlans" PRIMARY KEY,
    "Order" TEXT NOT NULL,
    "DocumentId" INTEGER NULL,
    "SignedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    CONSTRAINT "FK_ContractSigningPlans_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DocumentSignatures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentSignatures" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "DocumentId" INTEGER NOT NULL,
    "Party" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "CertificateId" INTEGER NULL,
    "SignedBy" TEXT NOT NULL,
    "SignerName" TEXT NOT NULL,
    "SignedAt" TEXT NOT NULL,
    "Algorithm" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Value" BLOB NOT NULL,
    "DocumentSha256" TEXT NOT NULL,
    "DocumentSm3" TEXT NOT NULL,
    "ValueSha256" TEXT NOT NULL,
    "IsExternal" INTEGER NOT NULL,
    CONSTRAINT "FK_DocumentSignatures_ContractDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ContractDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DocumentSignatures_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentSignatures_SigningCertificates_CertificateId" FOREIGN KEY ("CertificateId") REFERENCES "SigningCertificates" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DocumentSignatures_CertificateId" ON "DocumentSignatures" ("CertificateId");

CREATE INDEX "IX_DocumentSignatures_ContractId" ON "DocumentSignatures" ("ContractId");

CREATE UNIQUE INDEX "IX_DocumentSignatures_DocumentId_Party_OrganizationId" ON "DocumentSignatures" ("DocumentId", "Party", "OrganizationId");

CREATE INDEX "IX_SigningCertificates_BudgetUnitId" ON "SigningCertificates" ("BudgetUnitId");

CREATE UNIQUE INDEX "IX_SigningCertificates_Fingerprint" ON "SigningCertificates" ("Fingerprint");

CREATE INDEX "IX_SigningCertificates_IssuerCertificateId" ON "SigningCertificates" ("IssuerCertificateId");

CREATE INDEX "IX_SigningCertificates_Kind_Algorithm" ON "SigningCertificates" ("Kind", "Algorithm");

CREATE INDEX "IX_SigningCertificates_SupplierId" ON "SigningCertificates" ("SupplierId");

CREATE INDEX "IX_SigningCertificates_UserName" ON "SigningCertificates" ("UserName");
