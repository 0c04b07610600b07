import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
// The repo's own config, only the boundary rules, without type information (the probes are not on disk).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports" || ruleId.startsWith("boundaries/"),
});

/** The boundary messages ESLint reports for `code` written in `file` (repo-relative). */
async function reported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse error"}: ${m.message}`);
}

const forbidden: Array<[file: string, source: string]> = [
  ["packages/contract/src/probe.ts", "@canaduck/domain"],
  ["packages/contract/src/probe.ts", "@canaduck/client"],
  ["packages/domain/src/probe.ts", "@canaduck/client"],
  ["packages/domain/src/probe.ts", "@canaduck/server"],
  ["packages/domain/src/probe.ts", "@canaduck/db"],
  ["packages/domain/src/probe.ts", "socket.io"],
  ["packages/domain/src/probe.ts", "@prisma/client"],
  ["packages/domain/src/probe.ts", "../../../prisma/generated/client"],
  ["packages/domain/src/probe.ts", "react"],
  ["packages/domain/src/probe.ts", "ink"],
  ["packages/domain/src/probe.ts", "pg"],
  ["packages/domain/src/probe.ts", "redis"],
  ["packages/domain/src/probe.ts", "node:net"],
  ["packages/domain/src/probe.ts", "node:http"],
  ["packages/domain/src/probe.ts", "http"],
  ["packages/domain/src/probe.ts", "net"],
  ["packages/domain/src/commands/probe.test.ts", "@canaduck/server/testing"],
  ["packages/client/src/probe.ts", "@canaduck/domain"],
  ["packages/client/src/probe.ts", "@canaduck/server"],
  ["packages/client/src/probe.ts", "@canaduck/server/testing"],
  ["packages/client/src/probe.ts", "@canaduck/db"],
  ["packages/client/src/probe.ts", "socket.io"],
  ["packages/client/src/probe.ts", "@prisma/client"],
  ["packages/client/src/probe.ts", "node:http"],
  ["packages/client/src/probe.ts", "node:net"],
  ["packages/client/test/probe.test.ts", "@canaduck/server"],
  ["packages/client/test/probe.test.ts", "@canaduck/domain"],
  ["apps/web/src/probe.tsx", "@canaduck/server"],
  ["apps/web/src/probe.tsx", "@canaduck/tui"],
  ["apps/web/src/probe.tsx", "@canaduck/db"],
  ["apps/tui/src/probe.ts", "@canaduck/server"],
  ["apps/tui/src/probe.ts", "@canaduck/web"],
  ["apps/tui/src/probe.ts", "@canaduck/domain"],
  ["apps/server/src/probe.ts", "@canaduck/web"],
  ["apps/server/src/probe.ts", "@canaduck/tui"],
  ["bench/src/probe.ts", "@canaduck/web"],
  ["e2e/tests/probe.ts", "@canaduck/db"],
  ["e2e/tests/probe.ts", "@canaduck/tui"],
  // Relative paths out of one workspace into another.
  ["apps/tui/src/probe.ts", "../../web/src/lib/error-text"],
  ["apps/web/src/probe.tsx", "../../../apps/server/src/config"],
  ["apps/server/src/probe.ts", "../../../packages/domain/src/index"],
  ["packages/client/src/probe.ts", "../../domain/src/index"],
  ["bench/src/probe.ts", "../../apps/server/src/create-server"],
];

const allowed: Array<[file: string, source: string]> = [
  ["packages/contract/src/probe.ts", "zod"],
  ["packages/contract/src/probe.ts", "./models"],
  ["packages/domain/src/probe.ts", "@canaduck/contract"],
  ["packages/domain/src/probe.ts", "node:crypto"],
  ["packages/domain/src/commands/probe.ts", "../support/names"],
  ["packages/client/src/probe.ts", "@canaduck/contract"],
  ["packages/client/src/probe.ts", "socket.io-client"],
  ["packages/client/test/probe.test.ts", "@canaduck/server/testing"],
  ["apps/web/src/probe.tsx", "@canaduck/client"],
  ["apps/web/src/probe.tsx", "react"],
  ["apps/tui/src/probe.ts", "ink"],
  ["apps/tui/src/probe.test.tsx", "@canaduck/server/testing"],
  ["apps/server/src/probe.ts", "@canaduck/domain"],
  ["apps/server/src/probe.ts", "@canaduck/db"],
  ["apps/server/src/probe.ts", "socket.io"],
  ["apps/server/src/probe.ts", "../../../prisma/postgres/generated/client"],
  ["bench/src/probe.ts", "@canaduck/server"],
  ["bench/src/probe.ts", "@canaduck/db"],
];

describe("import boundaries", () => {
  it.each(forbidden)("%s may not import %s", async (file, source) => {
    expect(await reported(file, `import probe from "${source}";\nexport default probe;\n`)).toHaveLength(1);
  });

  it.each(forbidden)("%s may not re-export %s either", async (file, source) => {
    expect(
      await reported(file, `export * from "${source}";\nexport { default as probe } from "${source}";\n`),
    ).toHaveLength(2);
  });

  it.each(allowed)("%s may import %s", async (file, source) => {
    expect(await reported(file, `import probe from "${source}";\nexport default probe;\n`)).toEqual([]);
  });
});

describe("the terminal's drawn text", () => {
  const named = (names: string) => `import { ${names} } from "ink";\nexport { ${names} };\n`;

  it("comes from SafeText: ink's Text, Transform and Static are refused elsewhere in apps/tui", async () => {
    expect(await reported("apps/tui/src/chat/probe.tsx", named("Text"))).toHaveLength(1);
    expect(await reported("apps/tui/src/probe.tsx", named("Transform"))).toHaveLength(1);
    expect(await reported("apps/tui/src/chat/probe.tsx", named("Box, useInput"))).toEqual([]);
  });

  it("lets SafeText itself, and tests, use ink's Text", async () => {
    expect(await reported("apps/tui/src/safe-text.tsx", named("Text"))).toEqual([]);
    expect(await reported("apps/tui/src/chat/probe.test.tsx", named("Text"))).toEqual([]);
  });
});
