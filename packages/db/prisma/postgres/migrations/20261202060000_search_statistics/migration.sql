-- Search (issue 13): the planner chooses between gathering a word's every match through the GIN
-- index (then sorting them) and walking the lines back in time keeping matches. It knows how
-- common a word is only from the statistics ANALYZE keeps of the tsvector's most common words:
-- at the default target (100, so about 1,000 words) a word outside them was guessed at 600 lines
-- of a million, and a word said ten times was looked for by walking all million lines (0.9 s).
-- At 1,000 (about 10,000 words, ANALYZE sampling 300,000 rows) it is found through the index in
-- under a millisecond, and a common word still by the walk.
ALTER TABLE "Message" ALTER COLUMN "searchWords" SET STATISTICS 1000;
ANALYZE "Message";
