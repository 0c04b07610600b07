// The part of jsdom 26's API that vitest-environment.ts uses (jsdom ships no types).
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
