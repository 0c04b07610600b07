// Import boundaries between workspaces, checked by the linter rather than by memory:
// contract → nothing; domain → contract; client → contract; apps never import each other;
// only the server and bench touch the database package. Paths are relative to the repo root.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

const workspace = (name, message) => ({ regex: `^@canaduck/(${name})(/.*)?$`, message });

const appsApart = workspace(
  "web|tui",
  "Apps are run, not imported: move what both need into packages/client or packages/contract.",
);
const dbApart = workspace("db", "Only apps/server and bench use the database package.");
const serverApart = workspace("server", "The server is an app: share code through packages/*, not by importing it.");
// Tests of a client start a real server through its harness (real parts, not mocks).
const serverApartButHarness = { regex: "^@canaduck/server(?!/testing$)(/.*)?$", message: serverApart.message };
const serverCoreApart = workspace("domain|db", "A client is not the server: it speaks the contract over a socket.");

const serverRuntime = [
  {
    regex: "^socket\\.io$|^@socket\\.io/",
    message: "Transport belongs in apps/server (the domain returns effects; the adapter emits them).",
  },
  {
    regex: "^(@prisma/.*|\\.prisma/.*|prisma(/.*)?|.*/prisma(/.*)?)$",
    message: "Storage belongs behind the domain's ports, in packages/db and apps/server.",
  },
  {
    regex: "^(pg|redis|ioredis|@libsql/.*|@redis/.*)(/.*)?$",
    message: "Database and Redis drivers belong in packages/db and apps/server.",
  },
  { regex: "^(node:)?(net|http|https|http2|tls|dgram)$", message: "Sockets and HTTP belong in apps/server." },
];
const ui = [{ regex: "^(react|react-dom|ink|ink-.*)(/.*)?$", message: "Rendering belongs in apps/web and apps/tui." }];

const drawnTextOnlySafe = {
  name: "ink",
  importNames: ["Text", "Transform", "Static"],
  message: "Draw text with SafeText (apps/tui/src/safe-text.tsx): it sanitises every string the terminal shows.",
};

const tests = ["**/*.test.ts", "**/*.test.tsx", "**/test/**", "**/testing/**"];
const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

/** Reports a relative import that leaves its workspace for another one's files. */
const noCrossWorkspaceRelative = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      cross:
        "'{{source}}' reaches into {{target}} from {{from}}: import it by its package name, through what it exports.",
    },
  },
  create(context) {
    const workspaceOf = (file) => {
      const rel = path.relative(root, file).split(path.sep).join("/");
      return /^(?:(?:apps|packages|tooling)\/[^/]+|bench|e2e)(?=\/|$)/.exec(rel)?.[0];
    };
    const from = workspaceOf(context.filename);
    const check = (node) => {
      const source = node?.type === "Literal" && typeof node.value === "string" ? node.value : undefined;
      if (!from || !source?.startsWith(".")) return;
      const target = workspaceOf(path.resolve(path.dirname(context.filename), source));
      if (target && target !== from) context.report({ node, messageId: "cross", data: { source, target, from } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default [
  {
    plugins: { boundaries: { rules: { "no-cross-workspace-relative": noCrossWorkspaceRelative } } },
    rules: { "boundaries/no-cross-workspace-relative": "error" },
  },
  // Later blocks replace earlier ones for the files they match, so each lists its whole set.
  restrict(["**/*"], [appsApart, dbApart]),
  restrict(["apps/server/**", "bench/**"], [appsApart]),
  restrict(
    ["packages/contract/**"],
    [workspace(".*", "The contract is the bottom layer: it imports no workspace."), ...serverRuntime, ...ui],
  ),
  restrict(
    ["packages/domain/**"],
    [
      { regex: "^@canaduck/(?!contract(/|$))", message: "The domain imports only the contract." },
      ...serverRuntime,
      ...ui,
    ],
  ),
  restrict(["packages/client/**"], [appsApart, serverApart, serverCoreApart, ...serverRuntime], tests),
  restrict(
    tests.map((t) => `packages/client/${t}`),
    [appsApart, serverApartButHarness, serverCoreApart, ...serverRuntime],
  ),
  restrict(["apps/web/**", "apps/tui/**"], [appsApart, serverApart, serverCoreApart], tests),
  // The terminal draws text only through SafeText, which sanitises every string (issue 19 item 5).
  {
    files: ["apps/tui/**"],
    ignores: [...tests, "apps/tui/src/safe-text.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [appsApart, serverApart, serverCoreApart], paths: [drawnTextOnlySafe] },
      ],
    },
  },
  restrict(
    ["apps/web", "apps/tui"].flatMap((app) => tests.map((t) => `${app}/${t}`)),
    [appsApart, serverApartButHarness, serverCoreApart],
  ),
  // An example shows what an integration can do from outside: the public HTTP API, nothing else.
  restrict(["examples/**"], [workspace(".*", "An example uses only the public HTTP API, not CanaDuck's code.")]),
];
