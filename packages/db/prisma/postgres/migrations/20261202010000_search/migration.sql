-- Search (issue 13): a tsvector of what people said, generated from each line (so edits and
-- deletions, which erase the text, keep it in step by themselves), with a GIN index. Only lines
-- of kind text or action that are not deleted have one.
--
-- Words are runs of letters and digits, case folded, accents kept ("café" is not "cafe"), as
-- packages/contract/src/search-query.ts cuts a query and as SQLite's FTS5 index cuts the text:
-- everything else becomes a space before the `simple` configuration (every language alike, no
-- stop words) reads it, so a URL or an e-mail address is its words.
ALTER TABLE "Message" ADD COLUMN "searchWords" tsvector GENERATED ALWAYS AS (
    CASE WHEN kind IN ('text', 'action') AND "deletedAt" IS NULL
        THEN to_tsvector('simple'::regconfig, regexp_replace(text, '[^[:alnum:]]+', ' ', 'g'))
    END
) STORED;

CREATE INDEX "Message_searchWords_idx" ON "Message" USING GIN ("searchWords");

-- Results come newest first: for a common word, walking the lines back in time and keeping the
-- matches is quicker than gathering every match and sorting them; the planner picks per query.
CREATE INDEX "Message_createdAt_idx" ON "Message" ("createdAt");
