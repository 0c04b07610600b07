-- CreateTable
CREATE TABLE "Reaction" (
    "channelId" TEXT NOT NULL,
    "targetSeq" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "emoji" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Reaction_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReadMarker" (
    "userId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "channelId"),
    CONSTRAINT "ReadMarker_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReadMarker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meta" TEXT NOT NULL DEFAULT '{}',
    "clientId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "targetSeq" INTEGER,
    "replyToSeq" INTEGER,
    CONSTRAINT "Message_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Lines written before change entries existed were never changed: each is its own version.
INSERT INTO "new_Message" ("authorId", "authorName", "channelId", "clientId", "createdAt", "id", "kind", "meta", "seq", "text", "version") SELECT "authorId", "authorName", "channelId", "clientId", "createdAt", "id", "kind", "meta", "seq", "text", "seq" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_channelId_targetSeq_idx" ON "Message"("channelId", "targetSeq");
CREATE UNIQUE INDEX "Message_channelId_seq_key" ON "Message"("channelId", "seq");
CREATE UNIQUE INDEX "Message_authorId_clientId_key" ON "Message"("authorId", "clientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_channelId_targetSeq_userId_emoji_key" ON "Reaction"("channelId", "targetSeq", "userId", "emoji");


-- Members had no read marker: start each at the conversation's end, so upgrading shows nothing unread.
INSERT INTO "ReadMarker" ("userId", "channelId", "seq", "updatedAt")
SELECT m."userId", m."channelId", c."lastSeq", m."joinedAt" FROM "Membership" m JOIN "Channel" c ON c."id" = m."channelId";
