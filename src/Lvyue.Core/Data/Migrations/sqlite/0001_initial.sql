-- 0001 initial schema (SQLite). Tables as EF Core derives them from the model ('lvyue dev create-script'),
-- plus the FTS5 trigram index of the ledger search and the append-only guard of the audit log.

CREATE TABLE "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "Scopes" TEXT NOT NULL,
    "RegionId" INTEGER NULL,
    "BudgetUnitId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ExpiresAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL
);


CREATE TABLE "ApprovalBands" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApprovalBands" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "MinAmount" INTEGER NOT NULL,
    "Level" TEXT NOT NULL
);


CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "RegionId" INTEGER NULL,
    "BudgetUnitId" INTEGER NULL,
    "SupplierId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "Ip" TEXT NULL
);


CREATE TABLE "FilingThresholds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FilingThresholds" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Category" TEXT NULL,
    "Method" TEXT NULL,
    "MinAmount" INTEGER NOT NULL,
    "Note" TEXT NULL
);


CREATE TABLE "Regions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);


CREATE TABLE "Subcategories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Subcategories" PRIMARY KEY AUTOINCREMENT,
    "Category" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL
);


CREATE TABLE "Suppliers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Suppliers" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Uscc" TEXT NOT NULL,
    "LegalRepresentative" TEXT NULL,
    "Address" TEXT NULL,
    "ContactName" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "ContactEmail" TEXT NULL,
    "IsSme" INTEGER NOT NULL,
    "BankName" TEXT NULL,
    "BankAccount" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BudgetUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetUnits" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Uscc" TEXT NULL,
    "Address" TEXT NULL,
    "ContactName" TEXT NULL,
    "ContactPhone" TEXT NULL,
    CONSTRAINT "FK_BudgetUnits_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BudgetLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetLines" PRIMARY KEY AUTOINCREMENT,
    "BudgetUnitId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Committed" INTEGER NOT NULL,
    CONSTRAINT "FK_BudgetLines_BudgetUnits_BudgetUnitId" FOREIGN KEY ("BudgetUnitId") REFERENCES "BudgetUnits" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Departments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY AUTOINCREMENT,
    "BudgetUnitId" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Departments_BudgetUnits_BudgetUnitId" FOREIGN KEY ("BudgetUnitId") REFERENCES "BudgetUnits" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Departments_Departments_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Contracts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Contracts" PRIMARY KEY AUTOINCREMENT,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "SubcategoryId" INTEGER NOT NULL,
    "ProcurementMethod" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "TaxRate" INTEGER NULL,
    "SignDate" TEXT NULL,
    "EffectiveDate" TEXT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "BudgetLineId" INTEGER NOT NULL,
    "IsKeyProject" INTEGER NOT NULL,
    "Confidentiality" TEXT NOT NULL,
    "FilingRequired" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "PurchaserContactName" TEXT NULL,
    "PurchaserContactPhone" TEXT NULL,
    "PurchaserContactEmail" TEXT NULL,
    "SupplierContactName" TEXT NULL,
    "SupplierContactPhone" TEXT NULL,
    "SupplierContactEmail" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Contracts_BudgetLines_BudgetLineId" FOREIGN KEY ("BudgetLineId") REFERENCES "BudgetLines" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Contracts_BudgetUnits_BudgetUnitId" FOREIGN KEY ("BudgetUnitId") REFERENCES "BudgetUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Contracts_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Contracts_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Contracts_Subcategories_SubcategoryId" FOREIGN KEY ("SubcategoryId") REFERENCES "Subcategories" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ApprovalTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApprovalTasks" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "BudgetUnitId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "FK_ApprovalTasks_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContractDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContractDocuments" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "VersionNo" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Sm3" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_ContractDocuments_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContractEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContractEvents" PRIMARY KEY AUTOINCREMENT,
    "ContractId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NULL,
    "Note" TEXT NULL,
    "Actor" TEXT NULL,
    CONSTRAINT "FK_ContractEvents_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContractSuppliers" (
    "ContractId" INTEGER NOT NULL,
    "SupplierId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "PK_ContractSuppliers" PRIMARY KEY ("ContractId", "SupplierId"),
    CONSTRAINT "FK_ContractSuppliers_Contracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "Contracts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContractSuppliers_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);


CREATE UNIQUE INDEX "IX_ApiTokens_SecretHash" ON "ApiTokens" ("SecretHash");


CREATE INDEX "IX_ApprovalBands_RegionId" ON "ApprovalBands" ("RegionId");


CREATE INDEX "IX_ApprovalTasks_ContractId" ON "ApprovalTasks" ("ContractId");


CREATE INDEX "IX_ApprovalTasks_State_Level_RegionId" ON "ApprovalTasks" ("State", "Level", "RegionId");


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_BudgetUnitId" ON "AspNetUsers" ("BudgetUnitId");


CREATE INDEX "IX_AspNetUsers_SupplierId" ON "AspNetUsers" ("SupplierId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_Actor" ON "AuditEntries" ("Actor");


CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");


CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");


CREATE UNIQUE INDEX "IX_BudgetLines_BudgetUnitId_Year_Code" ON "BudgetLines" ("BudgetUnitId", "Year", "Code");


CREATE UNIQUE INDEX "IX_BudgetUnits_RegionId_Code" ON "BudgetUnits" ("RegionId", "Code");


CREATE UNIQUE INDEX "IX_ContractDocuments_ContractId_FileName_VersionNo" ON "ContractDocuments" ("ContractId", "FileName", "VersionNo");


CREATE INDEX "IX_ContractDocuments_Sha256" ON "ContractDocuments" ("Sha256");


CREATE INDEX "IX_ContractEvents_ContractId_At" ON "ContractEvents" ("ContractId", "At");


CREATE INDEX "IX_Contracts_BudgetLineId" ON "Contracts" ("BudgetLineId");


CREATE UNIQUE INDEX "IX_Contracts_BudgetUnitId_Number" ON "Contracts" ("BudgetUnitId", "Number");


CREATE INDEX "IX_Contracts_BudgetUnitId_SignDate" ON "Contracts" ("BudgetUnitId", "SignDate");


CREATE INDEX "IX_Contracts_DepartmentId" ON "Contracts" ("DepartmentId");


CREATE INDEX "IX_Contracts_RegionId_Amount" ON "Contracts" ("RegionId", "Amount");


CREATE INDEX "IX_Contracts_RegionId_SignDate" ON "Contracts" ("RegionId", "SignDate");


CREATE INDEX "IX_Contracts_RegionId_Status_SignDate" ON "Contracts" ("RegionId", "Status", "SignDate");


CREATE INDEX "IX_Contracts_SubcategoryId" ON "Contracts" ("SubcategoryId");


CREATE INDEX "IX_ContractSuppliers_SupplierId" ON "ContractSuppliers" ("SupplierId");


CREATE INDEX "IX_Departments_BudgetUnitId" ON "Departments" ("BudgetUnitId");


CREATE INDEX "IX_Departments_ParentId" ON "Departments" ("ParentId");


CREATE INDEX "IX_FilingThresholds_RegionId" ON "FilingThresholds" ("RegionId");


CREATE UNIQUE INDEX "IX_Regions_Code" ON "Regions" ("Code");


CREATE UNIQUE INDEX "IX_Subcategories_Code" ON "Subcategories" ("Code");


CREATE INDEX "IX_Suppliers_Name" ON "Suppliers" ("Name");


CREATE UNIQUE INDEX "IX_Suppliers_Uscc" ON "Suppliers" ("Uscc");

-- Ledger full-text search: FTS5 with the trigram tokenizer (works for Chinese without a word segmenter),
-- an external-content index over Contracts.SearchText kept in step by triggers.
CREATE VIRTUAL TABLE "ContractSearch" USING fts5("SearchText", content='Contracts', content_rowid='Id', tokenize='trigram');
CREATE TRIGGER "Contracts_search_ai" AFTER INSERT ON "Contracts" BEGIN
    INSERT INTO "ContractSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
END;
CREATE TRIGGER "Contracts_search_ad" AFTER DELETE ON "Contracts" BEGIN
    INSERT INTO "ContractSearch"("ContractSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
END;
CREATE TRIGGER "Contracts_search_au" AFTER UPDATE OF "SearchText" ON "Contracts" BEGIN
    INSERT INTO "ContractSearch"("ContractSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
    INSERT INTO "ContractSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
END;

-- The audit log is append-only from the application's side.
CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries" BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries" BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
