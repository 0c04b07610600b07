import { describe, expect, it } from "vitest";
import { applyCompletion, completeInput } from "./complete-input";

const candidates = {
  nicks: ["bob", "Bea", "alice", "Bob_", "carol", "bob"],
  channels: ["#dev", "#Design", "#ops", "#dev-null"],
};
const atEnd = (text: string) => completeInput(text, text.length, candidates);

describe("completeInput", () => {
  it("offers the admins' commands only when the user may be an admin", () => {
    const people = { nicks: [], channels: [] };
    expect(completeInput("/al", 3, { ...people, isAdmin: false }).options).toEqual([]);
    expect(completeInput("/al", 3, { ...people, isAdmin: true }).options).toEqual(["/alert"]);
    expect(completeInput("/help sus", 9, { ...people, isAdmin: false }).options).toEqual([]);
    expect(completeInput("/help sus", 9, { ...people, isAdmin: true }).options).toEqual(["suspend"]);
  });

  it("offers command names after a leading /", () => {
    expect(atEnd("/d")).toMatchObject({
      kind: "command",
      start: 0,
      end: 2,
      prefix: "/d",
      options: ["/delete", "/deop"],
    });
    expect(atEnd("/qu").options).toEqual(["/query", "/quit"]);
    expect(atEnd("/").options).toContain("/help");
    expect(atEnd("/J").options).toEqual(["/join"]);
  });

  it("offers channels for a word starting with #, ignoring case, sorted", () => {
    expect(atEnd("/join #d")).toMatchObject({
      kind: "channel",
      start: 6,
      end: 8,
      options: ["#Design", "#dev", "#dev-null"],
    });
    expect(atEnd("see #o").options).toEqual(["#ops"]);
    expect(atEnd("#").options).toEqual(["#Design", "#dev", "#dev-null", "#ops"]);
  });

  it("offers nicks for any other word, ignoring case, sorted, without duplicates", () => {
    expect(atEnd("/kick b")).toMatchObject({ kind: "nick", prefix: "b", options: ["Bea", "bob", "Bob_"] });
    expect(atEnd("hi BO").options).toEqual(["bob", "Bob_"]);
    expect(atEnd("al").options).toEqual(["alice"]);
    expect(atEnd("zed").options).toEqual([]);
  });

  it("offers command names for /help's argument", () => {
    expect(atEnd("/help ki")).toMatchObject({ kind: "command", options: ["kick"] });
    expect(atEnd("/help /ki").options).toEqual(["/kick"]);
    expect(atEnd("/help kick b").kind).toBe("nick");
  });

  it("completes the word under the cursor, using only the part before it", () => {
    const text = "/kick bo #dev reason";
    const completion = completeInput(text, 7, candidates);
    expect(completion).toMatchObject({ kind: "nick", start: 6, end: 8, prefix: "b" });
    expect(completion.options).toEqual(["Bea", "bob", "Bob_"]);
  });

  it("treats a cursor past the end as at the end", () => {
    expect(completeInput("/jo", 99, candidates).options).toEqual(["/join"]);
  });

  it("offers nothing for // text", () => {
    expect(atEnd("//jo").options).toEqual([]);
  });

  it("a command name is only completed as the first word", () => {
    expect(atEnd("see /jo").kind).toBe("nick");
  });
});

describe("applyCompletion", () => {
  it("replaces the word and adds a space", () => {
    const text = "/join #d";
    expect(applyCompletion(text, completeInput(text, text.length, candidates), "#dev")).toEqual({
      text: "/join #dev ",
      cursor: 11,
    });
  });

  it("replaces the whole word under the cursor and keeps what follows", () => {
    const text = "/kick bo #dev spam";
    const completion = completeInput(text, 7, candidates);
    expect(applyCompletion(text, completion, "bob")).toEqual({ text: "/kick bob #dev spam", cursor: 10 });
  });

  it("cycles through options when each is applied to the original text", () => {
    const text = "hi b";
    const completion = completeInput(text, text.length, candidates);
    expect(completion.options.map((option) => applyCompletion(text, completion, option).text)).toEqual([
      "hi Bea ",
      "hi bob ",
      "hi Bob_ ",
    ]);
  });
});
