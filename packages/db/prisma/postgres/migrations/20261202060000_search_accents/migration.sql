-- Search (issue 13): accents folded, so "cafe" finds "café" and "Café" finds "cafe", as SQLite's
-- migration of this name does with FTS5's remove_diacritics. Folding is canaduck_search_fold():
-- the unaccent extension where the server has it (PostgreSQL's contrib, which Debian's packages
-- and the official images include), else the text as it is (accents kept, as before). It is
-- IMMUTABLE, as a generated column needs, by naming unaccent's dictionary. Queries fold with it
-- too (packages/db/src/search-statements.ts). unaccent also unfolds ligatures (ß → ss, æ → ae),
-- which SQLite's index does not.
DO $$
DECLARE
    home name;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        -- Not installed on this server, or not ours to install: accents stay as they are.
        RAISE NOTICE 'unaccent is not available (%); search keeps accents', SQLERRM;
    END;
    SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'unaccent';
    IF home IS NOT NULL THEN
        EXECUTE format(
            'CREATE OR REPLACE FUNCTION canaduck_search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT '
            'AS $f$ SELECT %I.unaccent(%L::regdictionary, $1) $f$',
            home, home || '.unaccent');
    ELSE
        CREATE OR REPLACE FUNCTION canaduck_search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $f$ SELECT $1 $f$;
    END IF;
END
$$;

-- The generated column cannot change its expression in place: it is made again (the table is
-- rewritten, the GIN index rebuilt).
DROP INDEX "Message_searchWords_idx";
ALTER TABLE "Message" DROP COLUMN "searchWords";
ALTER TABLE "Message" ADD COLUMN "searchWords" tsvector GENERATED ALWAYS AS (
    CASE WHEN kind IN ('text', 'action') AND "deletedAt" IS NULL
        THEN to_tsvector('simple'::regconfig, canaduck_search_fold(regexp_replace(text, '[^[:alnum:]]+', ' ', 'g')))
    END
) STORED;
CREATE INDEX "Message_searchWords_idx" ON "Message" USING GIN ("searchWords");

-- The planner chooses between gathering a word's every match through the GIN index (then
-- sorting them) and walking the lines back in time keeping matches. It knows how common a word
-- is only from the statistics ANALYZE keeps of the tsvector's most common words: at the default
-- target (100, so about 1,000 words) a word outside them was guessed at 600 lines of a million,
-- and a word said ten times was looked for by walking all million lines (0.9 s). At 1,000 (about
-- 10,000 words, ANALYZE sampling 300,000 rows) it is found through the index in under a
-- millisecond, and a common word still by the walk.
ALTER TABLE "Message" ALTER COLUMN "searchWords" SET STATISTICS 1000;
ANALYZE "Message";
