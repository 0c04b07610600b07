-- Search (issue 13): an FTS5 index of what people said, with the Message table as its content
-- (so the text is stored once), kept in step by triggers in the writing transaction itself.
-- Only lines of kind text or action that are not deleted are in it: an edit replaces a line's
-- entry, a deletion (which erases the text) removes it.
--
-- Words are runs of letters and digits, case folded, accents kept ("café" is not "cafe"), as
-- packages/contract/src/search-query.ts cuts a query and as PostgreSQL's index cuts the text.
--
-- The index is keyed by Message's rowid, which is not an alias of its primary key: a migration
-- that redefines "Message" (CREATE new_Message … RENAME) renumbers the rows and drops these
-- triggers, so such a migration must recreate the triggers and fill the index again as
-- packages/db/src/backup.ts does for a backup (VACUUM INTO may renumber rows too): 'delete-all',
-- then the INSERT … SELECT below (FTS5's 'rebuild' would index every row, topics included).
CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
    text,
    content='Message',
    content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 0'
);

INSERT INTO "MessageSearch"(rowid, text)
    SELECT rowid, text FROM "Message" WHERE kind IN ('text', 'action') AND "deletedAt" IS NULL;

CREATE TRIGGER "Message_search_insert" AFTER INSERT ON "Message"
WHEN new.kind IN ('text', 'action') AND new."deletedAt" IS NULL
BEGIN
    INSERT INTO "MessageSearch"(rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER "Message_search_update" AFTER UPDATE OF text, kind, "deletedAt" ON "Message"
BEGIN
    INSERT INTO "MessageSearch"("MessageSearch", rowid, text)
        SELECT 'delete', old.rowid, old.text WHERE old.kind IN ('text', 'action') AND old."deletedAt" IS NULL;
    INSERT INTO "MessageSearch"(rowid, text)
        SELECT new.rowid, new.text WHERE new.kind IN ('text', 'action') AND new."deletedAt" IS NULL;
END;

CREATE TRIGGER "Message_search_delete" AFTER DELETE ON "Message"
WHEN old.kind IN ('text', 'action') AND old."deletedAt" IS NULL
BEGIN
    INSERT INTO "MessageSearch"("MessageSearch", rowid, text) VALUES ('delete', old.rowid, old.text);
END;
