#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (in packages/db), the one source of truth.
// Prisma wants a literal datasource provider, so PostgreSQL gets a derived copy that differs
// only in its provider and in where its client is generated (both clients must coexist).
//
//   npm run db:derive                                rewrite the derived schema (node scripts/derive-postgres-schema.mjs in packages/db)
//   node scripts/derive-postgres-schema.mjs --check  exit 1 if it is out of date (test/schema.test.ts uses this)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgres", "schema.prisma");

/** Replaces exactly one match, so a change to the source's shape fails loudly instead of deriving nonsense. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
  if (matches.length !== 1)
    throw new Error(`derive-postgres-schema: expected one ${what} in prisma/schema.prisma, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

function derivePostgresSchema(sqliteSchema) {
  let text = replaceOnce(
    sqliteSchema,
    /^(\/\/.*\n)+/,
    "// GENERATED from packages/db/prisma/schema.prisma by packages/db/scripts/derive-postgres-schema.mjs: do not edit.\n" +
      "// Change packages/db/prisma/schema.prisma, then run `npm run db:derive` (see README, Development).\n",
    "leading comment",
  );
  text = replaceOnce(
    text,
    /(generator client \{\n)((?:.*\n)*?)(\})/,
    (_, open, body, close) => `${open}${body}  output          = "generated/client"\n${close}`,
    "generator client block",
  );
  text = replaceOnce(
    text,
    /datasource db \{\n[^}]*\}/,
    'datasource db {\n  provider = "postgresql"\n  // Never used: the server and the CLI connect through driver adapters (prisma.config.ts).\n  // A literal, because Prisma cannot read a schema whose env() variable is unset.\n  url      = "postgresql://postgres@127.0.0.1:5432/canaduck"\n}',
    "datasource db block",
  );
  return text;
}

const derived = derivePostgresSchema(readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // a missing file is out of date too
  }
  if (current !== derived) {
    process.stderr.write("prisma/postgres/schema.prisma is out of date: run `npm run db:derive`.\n");
    process.exit(1);
  }
} else {
  writeFileSync(target, derived);
}
