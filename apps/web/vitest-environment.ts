import { JSDOM } from "jsdom";
import { populateGlobal, type Environment } from "vitest/runtime";

/**
 * jsdom for component tests, loaded from this workspace. Vitest's built-in "jsdom" environment
 * imports jsdom from its own (root) folder, where only jsdom 31 fits, and jsdom 31 needs Node 22;
 * this workspace keeps jsdom 26, which still runs on Node 20 (past its end of life, but still
 * working for those who have only it; CI runs Node 22). Moving to jsdom 31 would end that.
 */
const environment: Environment = {
  name: "jsdom-web",
  viteEnvironment: "client",
  setup(global: typeof globalThis) {
    const dom = new JSDOM("<!doctype html><html><body></body></html>", {
      url: "http://localhost:3000/",
      pretendToBeVisual: true,
    });
    const { keys, originals } = populateGlobal(global, dom.window, { bindFunctions: true });
    return {
      teardown(g: typeof globalThis) {
        dom.window.close();
        for (const key of keys) Reflect.deleteProperty(g, key);
        for (const [key, value] of originals) Reflect.set(g, key, value);
      },
    };
  },
};

export default environment;
