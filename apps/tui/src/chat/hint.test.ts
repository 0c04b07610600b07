import { describe, expect, it } from "vitest";
import { editorReducer, emptyEditor } from "../input/line-editor";
import { hintText } from "./hint";

const typed = (text: string) => editorReducer(emptyEditor, { type: "insert", text });

describe("the hint row", () => {
  it("shows a command's usage and one-line help while it is typed, by name or short form", () => {
    expect(hintText(typed("/kick bo"))).toBe(
      "/kick nick [#chan] [reason] — Remove a member from a channel (operators).",
    );
    expect(hintText(typed("/j"))).toMatch(/^\/join #chan — /);
    expect(hintText(typed("hello"))).toBeNull();
    expect(hintText(typed("//shrug"))).toBeNull();
  });

  it("lists the options while Tab cycles, marking the one shown", () => {
    const s = editorReducer(typed("#d"), { type: "complete", candidates: { nicks: [], channels: ["#dev", "#docs"] } });
    expect(hintText(s)).toBe("[#dev] #docs");
  });
});
