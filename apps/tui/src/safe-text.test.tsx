import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { SafeText } from "./safe-text";

describe("SafeText", () => {
  it("draws a string with escape sequences as its plain text, nested ones too", () => {
    const { lastFrame } = render(
      <SafeText>
        {"bob\u001b]52;c;cHduZWQ=\u0007"}
        <SafeText bold>{"\u001b]0;title\u0007 here"}</SafeText>
      </SafeText>,
    );
    expect(lastFrame()).toBe("bob here");
  });

  it("keeps a text cut to one row on one row, inner parts included", () => {
    const { lastFrame } = render(
      <SafeText wrap="truncate-end">
        {"a\nb "}
        <SafeText>{"c\nd"}</SafeText>
      </SafeText>,
    );
    expect(lastFrame()).toBe("a b c d");
  });
});
