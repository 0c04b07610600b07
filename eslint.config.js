// One ESLint config for every workspace: type-aware typescript-eslint rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import boundaries from "./tooling/eslint/boundaries.js";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.turbo/**",
      "**/coverage/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "packages/db/prisma/postgres/generated/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "*.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment in config.ts only." },
      ],
    },
  },
  {
    files: [
      "**/config.ts",
      "**/*.test.ts",
      "**/*.test.tsx",
      "**/test/**",
      "**/e2e/**",
      "**/bench/**",
      "**/scripts/**",
      // Tool configuration (vitest, Prisma's CLI) and test helpers read their own switches.
      "**/*.config.ts",
      "**/*.config.js",
      "**/src/testing/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  ...boundaries,
);
