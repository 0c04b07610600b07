import { describe, expect, it } from "vitest";
import { firstLink } from "./links";

describe("firstLink", () => {
  it("finds the first http(s) link and leaves sentence punctuation out", () => {
    expect(firstLink("see https://example.org/a?b=1. and http://other.net")).toBe("https://example.org/a?b=1");
    expect(firstLink("(http://example.org/x)")).toBe("http://example.org/x");
    expect(firstLink("HTTPS://Example.ORG")).toBe("https://example.org/");
  });

  it("finds nothing without an http(s) link", () => {
    expect(firstLink("no links here")).toBeNull();
    expect(firstLink("ftp://example.org/file javascript:alert(1)")).toBeNull();
    expect(firstLink("http://")).toBeNull();
  });
});
