-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "replyToSeq" INTEGER,
ADD COLUMN     "targetSeq" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Lines written before change entries existed were never changed: each is its own version.
UPDATE "Message" SET "version" = "seq";
ALTER TABLE "Message" ALTER COLUMN "version" DROP DEFAULT;

-- CreateTable
CREATE TABLE "Reaction" (
    "channelId" TEXT NOT NULL,
    "targetSeq" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "emoji" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "ReadMarker" (
    "userId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReadMarker_pkey" PRIMARY KEY ("userId","channelId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_channelId_targetSeq_userId_emoji_key" ON "Reaction"("channelId", "targetSeq", "userId", "emoji");

-- CreateIndex
CREATE INDEX "Message_channelId_targetSeq_idx" ON "Message"("channelId", "targetSeq");

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadMarker" ADD CONSTRAINT "ReadMarker_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadMarker" ADD CONSTRAINT "ReadMarker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Members had no read marker: start each at the conversation's end, so upgrading shows nothing unread.
INSERT INTO "ReadMarker" ("userId", "channelId", "seq", "updatedAt")
SELECT m."userId", m."channelId", c."lastSeq", m."joinedAt" FROM "Membership" m JOIN "Channel" c ON c."id" = m."channelId";
