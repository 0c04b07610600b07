-- How many members each channel has, kept by the database itself: reading a channel's view
-- (every join, part, kick and reconnect does) counted its memberships, which grows with the
-- channel (10,000 members cost a join 30 % more than 60 did). A column added in place (SQLite's
-- ADD COLUMN), never by redefining "Channel".

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN "memberCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "Channel" SET "memberCount" = (SELECT COUNT(*) FROM "Membership" m WHERE m."channelId" = "Channel"."id");

-- Every way a membership comes or goes (joins, parts, kicks, bans, cascades, bulk seeding) passes here.
CREATE TRIGGER "Membership_count_insert" AFTER INSERT ON "Membership"
BEGIN
    UPDATE "Channel" SET "memberCount" = "memberCount" + 1 WHERE "id" = NEW."channelId";
END;

CREATE TRIGGER "Membership_count_delete" AFTER DELETE ON "Membership"
BEGIN
    UPDATE "Channel" SET "memberCount" = "memberCount" - 1 WHERE "id" = OLD."channelId";
END;
