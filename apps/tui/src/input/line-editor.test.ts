import { describe, expect, it } from "vitest";
import { editorReducer, emptyEditor, HISTORY_SIZE, type EditorAction, type EditorState } from "./line-editor";

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const typed = (text: string) => run(emptyEditor, { type: "insert", text });
const candidates = { nicks: ["bob", "Bea", "alice"], channels: ["#dev", "#design", "#ops"] };

describe("the input line", () => {
  it("inserts at the cursor and moves over and deletes whole emoji and accented letters", () => {
    let s = typed("hi 👍🏽 é");
    expect(s.cursor).toBe(s.value.length);
    s = run(s, { type: "left" }, { type: "left" }, { type: "backspace" });
    expect(s.value).toBe("hi  é");
    s = run(s, { type: "home" }, { type: "insert", text: ">" }, { type: "end" }, { type: "backspace" });
    expect(s.value).toBe(">hi  ");
  });

  it("cuts words and line halves like readline", () => {
    const s = typed("/msg bob hello there");
    expect(run(s, { type: "kill-word" }).value).toBe("/msg bob hello ");
    expect(run(s, { type: "word-left" }, { type: "kill-start" }).value).toBe("there");
    expect(run(s, { type: "home" }, { type: "word-right" }, { type: "kill-end" }).value).toBe("/msg");
  });

  it("puts back with Ctrl+Y what Ctrl+U, Ctrl+K or Ctrl+W cut, at the cursor", () => {
    const s = typed("/msg bob hello there");
    expect(run(s, { type: "kill-word" }, { type: "home" }, { type: "yank" }).value).toBe("there/msg bob hello ");
    expect(run(s, { type: "word-left" }, { type: "kill-start" }, { type: "end" }, { type: "yank" }).value).toBe(
      "there/msg bob hello ",
    );
    const cutEnd = run(s, { type: "home" }, { type: "kill-end" });
    expect(cutEnd.value).toBe("");
    expect(run(cutEnd, { type: "yank" }, { type: "yank" }).value).toBe("/msg bob hello there/msg bob hello there");
    // What was cut survives sending a line, as readline's kill ring does.
    expect(run(cutEnd, { type: "insert", text: "hi" }, { type: "submitted" }, { type: "yank" }).value).toBe(
      "/msg bob hello there",
    );
    expect(run(emptyEditor, { type: "yank" })).toBe(emptyEditor);
  });

  it("deletes forward with Delete, leaving the cursor where it is", () => {
    const s = run(typed("abc"), { type: "home" }, { type: "delete" });
    expect(s).toMatchObject({ value: "bc", cursor: 0 });
  });

  it("drops control characters, so a paste cannot smuggle escape sequences into a message", () => {
    expect(typed("a\u001b[31mb\u0007").value).toBe("a[31mb");
  });

  it("walks back and forth through sent lines with Up and Down, keeping the line being typed", () => {
    let s = run(
      typed("first"),
      { type: "submitted" },
      { type: "insert", text: "second" },
      { type: "submitted" },
      { type: "insert", text: "draft" },
    );
    s = run(s, { type: "history-previous" });
    expect(s.value).toBe("second");
    s = run(s, { type: "history-previous" }, { type: "history-previous" });
    expect(s.value).toBe("first");
    s = run(s, { type: "history-next" }, { type: "history-next" });
    expect(s.value).toBe("draft");
  });

  it("keeps history bounded, without blank lines or repeats", () => {
    let s = emptyEditor;
    for (let i = 0; i < HISTORY_SIZE + 10; i++)
      s = run(
        s,
        { type: "insert", text: `line ${i}` },
        { type: "submitted" },
        { type: "insert", text: `line ${i}` },
        { type: "submitted" },
        { type: "submitted" },
      );
    expect(s.history).toHaveLength(HISTORY_SIZE);
    expect(s.history.at(-1)).toBe(`line ${HISTORY_SIZE + 9}`);
  });

  it("completes a command, then cycles through the options with Tab and back with Shift+Tab", () => {
    const s = run(typed("/j"), { type: "complete", candidates });
    expect(s.value).toBe("/join ");
    const many = run(typed("#de"), { type: "complete", candidates });
    expect(many.value).toBe("#design ");
    expect(run(many, { type: "complete", candidates }).value).toBe("#dev ");
    expect(run(many, { type: "complete", candidates }, { type: "complete", candidates }).value).toBe("#design ");
    expect(run(many, { type: "complete", candidates, backwards: true }).value).toBe("#dev ");
  });

  it("completes a nick that starts the line in the 'nick: ' form, and one mid-line plainly", () => {
    expect(run(typed("al"), { type: "complete", candidates }).value).toBe("alice: ");
    expect(run(typed("ask al"), { type: "complete", candidates }).value).toBe("ask alice ");
    expect(run(typed("/kick b"), { type: "complete", candidates }).completion?.completion.options).toEqual([
      "Bea",
      "bob",
    ]);
  });

  it("leaves the line alone when nothing matches", () => {
    const s = typed("zz");
    expect(run(s, { type: "complete", candidates })).toBe(s);
  });
});
