-- AlterTable
ALTER TABLE "ReadMarker" ADD COLUMN     "closedSeq" INTEGER;
