import { z } from "zod";
import fc from "fast-check";

/** The part of a generated JSON Schema (see the contract's json-schemas.ts) payloads are drawn from. */
interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  maxItems?: number;
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** Values that exist on the server under test, so that payloads reach past "no such thing". */
export interface KnownValues {
  /** By the pattern of the string field (the contract's nick and channel patterns). */
  byPattern: Record<string, readonly string[]>;
  /** By the field's name (channelId, sessionId, emoji...). */
  byField: Record<string, readonly string[]>;
}

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/**
 * Unicode that has broken chat servers: lone surrogate halves, noncharacters, bidi and
 * zero-width marks, control characters, combining storms and endless grapheme clusters, with
 * lengths at and just past the field's limit (counted in UTF-16 units, as the contract does).
 */
export function hostileCorpus(max: number): string[] {
  const family = "👩‍👩‍👧‍👦";
  return [
    "a\ud800b",
    "\udc00",
    "tail \ud83e",
    "\udbff\udbff\udfff",
    "\ufffe\uffff",
    "\ufdd0\ufdef",
    "\u{10ffff}\u{1fffe}",
    "\u202eevil\u202c",
    "\u2066isolated\u2069",
    "\u200e\u200f\u061c",
    "\u200b\u200c\u200d\u2060\ufeff",
    "\u00ad\u034f\u180e\u3164",
    "\u{e0001}\u{e0041}\u{e007f}",
    "\u0000",
    "nul\u0000inside",
    "\u001b[2J\u001b]52;c;aGk=\u0007",
    "\r\n\u0085\u2028\u2029",
    "\t",
    " ",
    "",
    `e${"\u0301".repeat(Math.max(0, max - 1))}`,
    `Z${"\u0336\u0337\u0338".repeat(60)}`,
    repeatTo(`${family}\u200d`, max),
    repeatTo("🦆", max),
    repeatTo("🦆", max + 2),
    repeatTo("a", max),
    repeatTo("a", max + 1),
    repeatTo("\ud800", Math.min(max, 64)),
    '\'; DROP TABLE "Message"; --',
    "%s%n%x ${x} {{x}} \\u0000 \\ud800",
    "__proto__",
    "constructor",
    "<script>alert(1)</script>",
  ];
}

/** A string of any UTF-16 code units, lone surrogate halves included. */
const codeUnits = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

/** One half of a surrogate pair, alone: what JavaScript strings allow and UTF-8 cannot carry. */
const loneHalf = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

function hostileString(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...hostileCorpus(max)), weight: 4 },
    { arbitrary: fc.tuple(fc.string({ maxLength: 8 }), loneHalf).map(([s, half]) => `${s}${half}${s}`), weight: 2 },
    { arbitrary: codeUnits(Math.min(max + 1, 80)), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength: Math.min(max + 1, 80) }), weight: 1 },
  );
}

/** A hostile string put inside a fitting one, where checks that look only at the ends miss it. */
const spliced = (fitting: fc.Arbitrary<string>, hostile: fc.Arbitrary<string>) =>
  fc
    .tuple(fitting, hostile, fc.nat())
    .map(([good, bad, at]) => good.slice(0, at % (good.length + 1)) + bad + good.slice(at % (good.length + 1)));

const patternsOf = (node: SchemaNode) =>
  [node.pattern, ...(node.allOf ?? []).map((p) => p.pattern)].filter((p): p is string => p !== undefined);

/** A value the field accepts, or one of the server's own (a member's nick, a channel that exists). */
function plausibleString(node: SchemaNode, field: string, known: KnownValues): fc.Arbitrary<string> {
  const max = node.maxLength ?? 256;
  const [pattern, ...more] = patternsOf(node);
  const named = known.byField[field] ?? (node.pattern === undefined ? undefined : known.byPattern[node.pattern]);
  // A single pattern is a name or an id: generate what it matches. Free text carries several.
  const fitting =
    pattern !== undefined && more.length === 0
      ? fc.stringMatching(new RegExp(pattern)).map((s) => s.slice(0, max))
      : fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 120) });
  return named && named.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...named), weight: 3 }, { arbitrary: fitting, weight: 1 })
    : fitting;
}

function plausibleNumber(node: SchemaNode): fc.Arbitrary<number> {
  const min = node.minimum ?? (node.exclusiveMinimum === undefined ? 0 : node.exclusiveMinimum + 1);
  const max = node.maximum ?? 1_000_000;
  return fc.integer({ min: Math.max(min, 0), max: Math.max(Math.min(max, 8), min) });
}

function hostileNumber(node: SchemaNode): fc.Arbitrary<number> {
  const min = node.minimum ?? (node.exclusiveMinimum === undefined ? -10 : node.exclusiveMinimum);
  const max = node.maximum ?? 1_000_000;
  // Infinity and NaN travel as JSON's null.
  const edges = [min, min - 1, max, max + 1, -1, 0.5, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, -0, Infinity, NaN, 1e308];
  return fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -(2 ** 31), max: 2 ** 31 }));
}

/** Anything at all where a field of another type is expected. */
const wrongType = fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }), fc.constant({ length: 1e9 }));

/** What the schema accepts: the base the hostile payloads change one field of. */
function plausible(node: SchemaNode, field: string, known: KnownValues): fc.Arbitrary<unknown> {
  if (node.anyOf) return fc.oneof(...node.anyOf.map((member) => plausible(member, field, known)));
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case "string":
      return plausibleString(node, field, known);
    case "integer":
    case "number":
      return plausibleNumber(node);
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(plausible(node.items ?? {}, field, known), { maxLength: Math.min(node.maxItems ?? 4, 4) });
    case "object": {
      const properties = node.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([k, child]) => [k, plausible(child, k, known)]));
      return fc.record(model, { requiredKeys: node.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The same, with one thing wrong or hostile in it: a field, a string's characters, a number's range, a type. */
function hostile(node: SchemaNode, field: string, known: KnownValues): fc.Arbitrary<unknown> {
  if (node.anyOf) return fc.oneof(...node.anyOf.map((member) => hostile(member, field, known)), wrongType);
  switch (node.type) {
    case "string": {
      const max = node.maxLength ?? 256;
      return fc.oneof(
        { arbitrary: hostileString(max), weight: 3 },
        { arbitrary: spliced(plausibleString(node, field, known), hostileString(max)), weight: 3 },
        { arbitrary: wrongType, weight: 1 },
      );
    }
    case "integer":
    case "number":
      return fc.oneof({ arbitrary: hostileNumber(node), weight: 4 }, { arbitrary: wrongType, weight: 1 });
    case "array": {
      const items = node.items ?? {};
      return fc.oneof(
        fc
          .tuple(fc.array(plausible(items, field, known), { maxLength: 3 }), hostile(items, field, known))
          .map(([good, bad]) => [...good, bad]),
        wrongType,
      );
    }
    case "object":
      return hostileObject(node, known);
    default:
      return wrongType;
  }
}

function hostileObject(node: SchemaNode, known: KnownValues): fc.Arbitrary<unknown> {
  const properties = node.properties ?? {};
  const keys = Object.keys(properties);
  const whole = plausible(node, "", known) as fc.Arbitrary<Record<string, unknown>>;
  const oneFieldWrong =
    keys.length === 0
      ? whole
      : fc
          .constantFrom(...keys)
          .chain((key) =>
            fc.tuple(whole, hostile(properties[key] ?? {}, key, known)).map(([o, bad]) => ({ ...o, [key]: bad })),
          );
  return fc.oneof(
    { arbitrary: oneFieldWrong, weight: 8 },
    // A field the schema does not know, or one it needs left out.
    { arbitrary: fc.tuple(whole, fc.string(), wrongType).map(([o, k, v]) => ({ ...o, [k]: v })), weight: 1 },
    {
      arbitrary: fc
        .tuple(whole, fc.constantFrom(...(node.required ?? [""])))
        .map(([o, drop]) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== drop))),
      weight: 1,
    },
  );
}

/**
 * Payloads for an event, drawn from its zod schema (through its JSON Schema): a few as the schema
 * wants them, most with one field hostile, a few not even an object.
 */
export function payloadsFor(schema: z.ZodType, known: KnownValues): fc.Arbitrary<unknown> {
  const node = z.toJSONSchema(schema, { io: "input" }) as SchemaNode;
  return fc.oneof(
    { arbitrary: plausible(node, "", known), weight: 3 },
    { arbitrary: hostile(node, "", known), weight: 10 },
    { arbitrary: fc.constantFrom(null, 42, "text", [], true), weight: 1 },
  );
}
