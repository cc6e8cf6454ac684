// A schema that exercises each mapping schema-drift.ts knows (native types, enum lists, composite
// keys, index methods and sort orders, default referential actions), and the SQL `prisma migrate
// dev` generates for it, so the mapping is checked against a real Postgres' catalog.
export const TYPE_MAPPING_SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Tier {
  free
  paid @map("PAID")

  @@map("tier")
}

model Account {
  id       BigInt    @id @default(autoincrement())
  code     String    @unique @db.VarChar(20)
  tiers    Tier[]
  balance  Decimal
  score    Float?
  seenAt   DateTime  @map("seen_at")
  savedAt  DateTime? @map("saved_at") @db.Timestamptz(6)
  token    String    @default(uuid())
  computed Int       @default(dbgenerated())
  search   Unsupported("tsvector")? @map("search_vector")
  owner    Owner     @relation(fields: [ownerA, ownerB], references: [a, b])
  ownerA   Int       @map("owner_a")
  ownerB   Int       @map("owner_b")
  parent   Account?  @relation("Tree", fields: [parentId], references: [id])
  parentId BigInt?   @map("parent_id")
  children Account[] @relation("Tree")

  @@index([code(sort: Desc), score])
  @@index([score], type: Hash)
  @@map("account")
}

model Owner {
  a        Int
  b        Int
  accounts Account[]

  @@id([a, b])
}
`;

export const TYPE_MAPPING_MIGRATION = `
CREATE TYPE "tier" AS ENUM ('free', 'PAID');

CREATE TABLE "account" (
    "id" BIGSERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "tiers" "tier"[],
    "balance" DECIMAL(65,30) NOT NULL,
    "score" DOUBLE PRECISION,
    "seen_at" TIMESTAMP(3) NOT NULL,
    "saved_at" TIMESTAMPTZ(6),
    "token" TEXT NOT NULL,
    "computed" INTEGER NOT NULL,
    "search_vector" tsvector,
    "owner_a" INTEGER NOT NULL,
    "owner_b" INTEGER NOT NULL,
    "parent_id" BIGINT,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Owner" (
    "a" INTEGER NOT NULL,
    "b" INTEGER NOT NULL,

    CONSTRAINT "Owner_pkey" PRIMARY KEY ("a","b")
);

CREATE UNIQUE INDEX "account_code_key" ON "account"("code");

CREATE INDEX "account_code_score_idx" ON "account"("code" DESC, "score");

CREATE INDEX "account_score_idx" ON "account" USING HASH ("score");

ALTER TABLE "account" ADD CONSTRAINT "account_owner_a_owner_b_fkey" FOREIGN KEY ("owner_a", "owner_b") REFERENCES "Owner"("a", "b") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "account" ADD CONSTRAINT "account_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
`;
