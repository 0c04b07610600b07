-- CreateTable
CREATE TABLE "File" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "uploaderId" TEXT NOT NULL,
    "channelId" TEXT,
    "seq" INTEGER,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "hasThumbnail" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "FileChunk" (
    "key" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BLOB NOT NULL,

    PRIMARY KEY ("key", "index")
);

-- CreateIndex
CREATE INDEX "File_uploaderId_createdAt_idx" ON "File"("uploaderId", "createdAt");

