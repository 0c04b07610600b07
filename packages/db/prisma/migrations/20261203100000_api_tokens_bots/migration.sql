-- Columns added in place (SQLite's ADD COLUMN), never by redefining the tables: dropping "User"
-- to rebuild it would cascade to every membership, read marker and session, because
-- `PRAGMA foreign_keys=OFF` has no effect inside the transaction migrations run in.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "isBot" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "ownerId" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'login';
ALTER TABLE "Session" ADD COLUMN "name" TEXT;
ALTER TABLE "Session" ADD COLUMN "scopes" TEXT;

-- CreateIndex
CREATE INDEX "User_ownerId_idx" ON "User"("ownerId");
