-- Search (issue 13): accents folded, so "cafe" finds "café" and "Café" finds "cafe", as
-- PostgreSQL's migration of this name does with unaccent. FTS5 folds with its tokenizer's
-- remove_diacritics 2, in the index and in every query alike; changing the tokenizer means a new
-- index: the table and its triggers are made again as 20261202010000_search made them, and
-- filled from the lines (text and action, not deleted).
DROP TRIGGER "Message_search_insert";
DROP TRIGGER "Message_search_update";
DROP TRIGGER "Message_search_delete";
DROP TABLE "MessageSearch";

CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
    text,
    content='Message',
    content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
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
