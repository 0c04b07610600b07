-- AlterTable
ALTER TABLE "User" ADD COLUMN "suspendReason" TEXT;
ALTER TABLE "User" ADD COLUMN "suspendedAt" DATETIME;

