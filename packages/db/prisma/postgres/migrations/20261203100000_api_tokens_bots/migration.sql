-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isBot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ownerId" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'login',
ADD COLUMN     "name" TEXT,
ADD COLUMN     "scopes" TEXT;

-- CreateIndex
CREATE INDEX "User_ownerId_idx" ON "User"("ownerId");

