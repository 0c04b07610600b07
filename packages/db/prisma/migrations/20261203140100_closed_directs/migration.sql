-- A column added in place (SQLite's ADD COLUMN), never by redefining "ReadMarker" (see api_tokens_bots).

-- AlterTable
ALTER TABLE "ReadMarker" ADD COLUMN "closedSeq" INTEGER;
