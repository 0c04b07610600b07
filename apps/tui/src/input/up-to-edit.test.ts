import { describe, expect, it } from "vitest";
import { textMessage } from "@canaduck/client/testing";
import { editorReducer, emptyEditor } from "./line-editor";
import { upToEdit } from "./up-to-edit";

describe("↑ on an empty prompt", () => {
  const messages = [textMessage("c-#dev", 1, "alice", "my first\nline"), textMessage("c-#dev", 2, "bob", "bob's line")];
  const meId = messages[0]?.author?.id;

  it("starts /edit with the text of my last line here", () => {
    expect(upToEdit(emptyEditor, { messages }, meId)).toBe("/edit my first line");
  });

  it("leaves ↑ to history when something is typed, history is showing, or I said nothing here", () => {
    expect(upToEdit(editorReducer(emptyEditor, { type: "insert", text: "x" }), { messages }, meId)).toBeNull();
    expect(upToEdit({ ...emptyEditor, history: ["a"], historyIndex: 0 }, { messages }, meId)).toBeNull();
    expect(upToEdit(emptyEditor, { messages: messages.slice(1) }, meId)).toBeNull();
  });
});
