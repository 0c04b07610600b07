-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "authorIsBot" BOOLEAN NOT NULL DEFAULT false;

-- Lines bots wrote before the column existed.
UPDATE "Message" SET "authorIsBot" = true WHERE "authorId" IN (SELECT "id" FROM "User" WHERE "isBot" = true);
