-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "previewsOff" BOOLEAN NOT NULL DEFAULT false;
