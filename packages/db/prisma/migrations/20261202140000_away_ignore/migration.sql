-- AlterTable
ALTER TABLE "User" ADD COLUMN "awayMessage" TEXT;

-- CreateTable
CREATE TABLE "Ignore" (
    "userId" TEXT NOT NULL,
    "ignoredId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "ignoredId")
);

