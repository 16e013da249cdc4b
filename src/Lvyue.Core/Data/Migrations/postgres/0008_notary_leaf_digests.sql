-- 0008: which notary leaves carry which content digests (SHA-256, SM3), so that a document is found among the
-- notarized leaves by its digest (the public verification page) without reading the leaves. NotaryLog writes
-- one row per digest with the leaf; leaves appended before this version are indexed from their data here.
CREATE TABLE "NotaryLeafDigests" (
    "Digest" character varying(128) NOT NULL,
    "Algorithm" character varying(32) NOT NULL,
    "LeafIndex" bigint NOT NULL,
    CONSTRAINT "PK_NotaryLeafDigests" PRIMARY KEY ("Digest", "Algorithm", "LeafIndex")
);

INSERT INTO "NotaryLeafDigests" ("Digest", "Algorithm", "LeafIndex")
SELECT d.value, d.key, l."Index"
FROM "NotaryLeaves" AS l, jsonb_each_text(l."Data"::jsonb -> 'digests') AS d
WHERE l."Data"::jsonb ? 'digests';
