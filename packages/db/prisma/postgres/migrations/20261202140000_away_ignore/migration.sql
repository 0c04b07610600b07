-- AlterTable
ALTER TABLE "User" ADD COLUMN     "awayMessage" TEXT;

-- CreateTable
CREATE TABLE "Ignore" (
    "userId" TEXT NOT NULL,
    "ignoredId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ignore_pkey" PRIMARY KEY ("userId","ignoredId")
);

