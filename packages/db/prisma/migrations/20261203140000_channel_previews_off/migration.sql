-- A column added in place (SQLite's ADD COLUMN), never by redefining "Channel".

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN "previewsOff" BOOLEAN NOT NULL DEFAULT false;
