import { DomainError, type MessageRecord, type SearchFind } from "@canaduck/domain";
import { placeholder, type RawSql } from "./raw-sql";
import { toMessageRecord } from "./record-mappers";
import { tables } from "./tables";

/**
 * search:query's one statement on each database (the indexes are made by the migrations named
 * `search`): SQLite's FTS5 table walked newest first by rowid (the order lines were stored),
 * PostgreSQL's tsvector matched with its GIN index, newest first by time. Every word reaches the
 * index as a quoted term, never as syntax: the contract cut it to letters and digits already.
 */
const { message } = tables;
const COLUMNS = message.columns.map((c) => `m."${c}"`).join(", ");
const LINK = "%://%";
/** What the index holds, checked on the row too: an index filled by hand must not show a topic. */
const SAID = `m.kind IN ('text', 'action') AND m."deletedAt" IS NULL`;

type Found = { records: MessageRecord[]; next: string | null };

/** Arguments in order, with the placeholder each takes. */
class Args {
  readonly values: unknown[] = [];
  constructor(private readonly raw: RawSql) {}
  add(value: unknown): string {
    this.values.push(value);
    return placeholder(this.raw.dialect, this.values.length);
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(", ");
  }
}

/** The filters both databases write alike, on the Message table as `m`. */
function filters(find: SearchFind, args: Args): string[] {
  const where = [`m."channelId" IN (${args.list(find.channelIds)})`];
  if (find.authorId !== undefined) where.push(`m."authorId" = ${args.add(find.authorId)}`);
  if (find.since) where.push(`m."createdAt" >= ${args.add(find.since)}`);
  if (find.until) where.push(`m."createdAt" < ${args.add(find.until)}`);
  if (find.hasLink) where.push(`m.text LIKE ${args.add(LINK)}`);
  return where;
}

const badCursor = () => new DomainError("INVALID_PAYLOAD", "before: is not a cursor this search returned.");

/**
 * Only letters, digits and their marks, as the contract cuts words: nothing else can be syntax.
 * Marks with no letter or digit are no word (folding removes them): such a word is dropped.
 */
const wordOnly = (text: string) => {
  const word = text.replace(/[^\p{L}\p{N}\p{M}]/gu, "");
  return /[\p{L}\p{N}]/u.test(word) ? word : "";
};

export async function searchLines(raw: RawSql, asked: SearchFind): Promise<Found> {
  // The contract already cut every word so; this keeps the statements safe whoever calls them.
  const find: SearchFind = {
    ...asked,
    words: asked.words.map((w) => ({ ...w, text: wordOnly(w.text) })).filter((w) => w.text !== ""),
    phrases: asked.phrases.map((p) => p.map(wordOnly).filter((w) => w !== "")).filter((p) => p.length > 0),
  };
  if (find.channelIds.length === 0 || find.words.length + find.phrases.length === 0) return { records: [], next: null };
  return raw.dialect === "sqlite" ? searchSqlite(raw, find) : searchPostgres(raw, find);
}

/** FTS5: `"word"` and `"prefix"*` terms and `"two words"` phrases, all required. */
const fts5Match = (find: SearchFind) =>
  [...find.words.map((w) => `"${w.text}"${w.prefix ? "*" : ""}`), ...find.phrases.map((p) => `"${p.join(" ")}"`)].join(
    " AND ",
  );

async function searchSqlite(raw: RawSql, find: SearchFind): Promise<Found> {
  if (find.before !== undefined && !/^\d{1,18}$/.test(find.before)) throw badCursor();
  const args = new Args(raw);
  const match = args.add(fts5Match(find));
  const where = [...filters(find, args), SAID];
  // The bound on FTS5's own rowid when it leads, so it starts its walk there.
  const key = find.authorId === undefined ? "s.rowid" : "m.rowid";
  if (find.before !== undefined) where.push(`${key} < ${args.add(Number(find.before))}`);
  // from: walks the author's lines (by the authorId index) against the set of matching rowids:
  // walking every match newest first for the few one author said took a common word 100 ms.
  const sql =
    find.authorId === undefined
      ? `SELECT ${COLUMNS}, m.rowid AS "searchKey" FROM "MessageSearch" s JOIN "Message" m ON m.rowid = s.rowid ` +
        `WHERE "MessageSearch" MATCH ${match} AND ${where.join(" AND ")} ORDER BY s.rowid DESC`
      : `SELECT ${COLUMNS}, m.rowid AS "searchKey" FROM "Message" m ` +
        `WHERE m.rowid IN (SELECT rowid FROM "MessageSearch" WHERE "MessageSearch" MATCH ${match}) ` +
        `AND ${where.join(" AND ")} ORDER BY m.rowid DESC`;
  const rows = await raw.query(`${sql} LIMIT ${args.add(find.limit + 1)}`, args.values);
  return page(rows, find.limit, (row) => String(row.searchKey));
}

/**
 * A word as a quoted tsquery term, folded per word before it is quoted: unaccent turns some
 * letters into syntax (ʼ into a quote, ː into a colon) and drops lone marks, so folding the
 * whole query made `'don't'` and `''` out of words (a syntax error, INTERNAL). The word is cut
 * to alphanumerics before folding, as the index's text is, and again after, so only letters,
 * digits and spaces are ever quoted; the spaces inside keep the quotes from closing on nothing.
 */
const alnumOnly = (sql: string) => `regexp_replace(${sql}, '[^[:alnum:]]+', ' ', 'g')`;
const pgTerm = (args: Args, word: string, prefix: boolean) =>
  `''' ' || ${alnumOnly(`canaduck_search_fold(${alnumOnly(`${args.add(word)}::text`)})`)} || ' '''` +
  (prefix ? ` || ':*'` : "");

/** PostgreSQL: `word & prefix:* & (two <-> words)`, as one SQL text expression of the words. */
const tsQuery = (find: SearchFind, args: Args) =>
  [
    ...find.words.map((w) => pgTerm(args, w.text, w.prefix)),
    ...find.phrases.map((p) => `'(' || ${p.map((w) => pgTerm(args, w, false)).join(" || ' <-> ' || ")} || ')'`),
  ].join(" || ' & ' || ");

const PG_CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([\w-]{1,64})$/;

async function searchPostgres(raw: RawSql, find: SearchFind): Promise<Found> {
  const args = new Args(raw);
  const where = [`m."searchWords" @@ to_tsquery('simple', ${tsQuery(find, args)})`, ...filters(find, args)];
  if (find.before !== undefined) {
    const cursor = PG_CURSOR.exec(find.before);
    if (cursor === null || Number.isNaN(Date.parse(cursor[1] ?? ""))) throw badCursor();
    where.push(`(m."createdAt", m.id) < (${args.add(new Date(cursor[1] ?? ""))}, ${args.add(cursor[2])})`);
  }
  const sql =
    `SELECT ${COLUMNS} FROM "Message" m WHERE ${where.join(" AND ")} ` +
    `ORDER BY m."createdAt" DESC, m.id DESC LIMIT ${args.add(find.limit + 1)}`;
  const rows = await raw.query(sql, args.values);
  return page(rows, find.limit, (row) => `${message.coerce(row).createdAt.toISOString()}|${String(row.id)}`);
}

/** A page of `limit` of the rows read (one more was asked for, to know whether more exist). */
function page(
  rows: ReadonlyArray<Record<string, unknown>>,
  limit: number,
  cursorOf: (row: Record<string, unknown>) => string,
): Found {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    records: kept.map((row) => toMessageRecord(message.coerce(row))),
    next: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
