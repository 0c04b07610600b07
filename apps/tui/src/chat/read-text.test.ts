import { textMessage } from "@canaduck/client/testing";
import { describe, expect, it } from "vitest";
import { formatTime } from "../lines/format-time";
import { readText } from "./read-text";

describe("/read in the terminal", () => {
  it("shows join lines as joins and said lines with their nick, at local time, leaving out changes", () => {
    const join = textMessage("c-#dev", 1, "bob", "", { kind: "join" });
    const said = textMessage("c-#dev", 2, "bob", "hello");
    const edit = textMessage("c-#dev", 3, "bob", "hello!", { kind: "edit", meta: { targetSeq: 2 } });
    const time = formatTime(Date.parse(join.createdAt));
    expect(readText("#dev", [join, said, edit], "alice").split("\n")).toEqual([
      "The latest 2 lines of #dev:",
      `  ${time} --> bob joined #dev`,
      `  ${formatTime(Date.parse(said.createdAt))} <bob> hello`,
    ]);
    expect(readText("#dev", [], "alice")).toBe("Nothing said in #dev yet.");
  });
});
