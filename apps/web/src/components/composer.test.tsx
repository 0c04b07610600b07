import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { limits } from "@canaduck/contract";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Composer, type ComposerError, type ComposerMode } from "./composer";

const candidates = { nicks: ["bob", "bea", "alice"], channels: ["#dev", "#design"] };

function setup(answer: (text: string) => ComposerError | null = () => null) {
  const sent: string[] = [];
  const inputRef = createRef<HTMLTextAreaElement>();
  render(
    <Composer
      label="Message #dev"
      candidates={candidates}
      inputRef={inputRef}
      onSubmit={(text) => {
        sent.push(text);
        return Promise.resolve(answer(text));
      }}
    />,
  );
  return {
    sent,
    box: screen.getByRole<HTMLTextAreaElement>("combobox", { name: "Message #dev" }),
    user: userEvent.setup(),
  };
}

afterEach(cleanup);

describe("Composer", () => {
  it("sends on Enter, adds a line on Shift+Enter, and clears after sending", async () => {
    const { sent, box, user } = setup();
    await user.type(box, "first line{Shift>}{Enter}{/Shift}second line{Enter}");
    expect(sent).toEqual(["first line\nsecond line"]);
    expect(box.value).toBe("");
  });

  it("does not send blank input", async () => {
    const { sent, box, user } = setup();
    await user.type(box, "   {Enter}");
    expect(sent).toEqual([]);
  });

  it("lists matching commands with their usage and one-line help, and Tab picks one", async () => {
    const { box, user } = setup();
    await user.type(box, "/ki");
    const list = screen.getByRole("listbox", { name: "Commands" });
    expect(list.textContent).toContain("/kick nick [#chan] [reason]");
    expect(list.textContent).toContain("Remove a member from a channel (operators).");
    await user.keyboard("{Tab}");
    expect(box.value).toBe("/kick ");
    expect(screen.queryByRole("listbox")).toBeNull();
    // While the arguments are typed, the usage stays in view.
    expect(screen.getByText("/kick nick [#chan] [reason]")).toBeTruthy();
  });

  it("moves through the command list with the arrow keys and Enter picks the highlighted one", async () => {
    const { box, user, sent } = setup();
    await user.type(box, "/j");
    await user.keyboard("{Enter}");
    expect(box.value).toBe("/join ");
    expect(sent).toEqual([]);
    await user.clear(box);
    await user.type(box, "/d");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      expect.stringContaining("/delete"),
      expect.stringContaining("/deop"),
    ]);
  });

  it("completes nicks and channels with Tab, cycling when several match", async () => {
    const { box, user } = setup();
    await user.type(box, "hi b");
    await user.keyboard("{Tab}");
    expect(box.value).toBe("hi bea ");
    await user.keyboard("{Tab}");
    expect(box.value).toBe("hi bob ");
    await user.clear(box);
    await user.type(box, "/join #des");
    await user.keyboard("{Tab}");
    expect(box.value).toBe("/join #design ");
  });

  it("shows a refusal inline, keyed by its code, and keeps a refused command for fixing", async () => {
    const { box, user } = setup((text) =>
      text.startsWith("/kick") ? { code: "FORBIDDEN", message: "Only operators can kick." } : null,
    );
    await user.type(box, "/kick bob{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-code")).toBe("FORBIDDEN");
    expect(alert.textContent).toBe("Not allowed. Only operators can kick.");
    expect(box.value).toBe("/kick bob");
    await user.type(box, "x");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

/** A composer whose mode is held as the channel view holds it, with the line actions' callbacks recorded. */
function ModalComposer({
  initial,
  calls,
}: {
  initial: ComposerMode | null;
  calls: { edits: [number, string][]; replies: [number, string][]; sent: string[]; editLast: () => void };
}) {
  const [mode, setMode] = useState<ComposerMode | null>(initial);
  const inputRef = createRef<HTMLTextAreaElement>();
  return (
    <>
      <button type="button" onClick={() => setMode({ kind: "edit", seq: 7, text: "my last line" })}>
        start editing
      </button>
      <Composer
        label="Message #dev"
        candidates={candidates}
        inputRef={inputRef}
        mode={mode}
        onCancelMode={() => setMode(null)}
        onSubmit={(text) => {
          calls.sent.push(text);
          return Promise.resolve(null);
        }}
        onSaveEdit={(seq, text) => {
          calls.edits.push([seq, text]);
          return Promise.resolve(null);
        }}
        onSendReply={(seq, text) => {
          calls.replies.push([seq, text]);
          return Promise.resolve(null);
        }}
        onEditLast={() => {
          calls.editLast();
          setMode({ kind: "edit", seq: 7, text: "my last line" });
        }}
      />
    </>
  );
}

function setupModes(initial: ComposerMode | null = null) {
  const calls = {
    edits: [] as [number, string][],
    replies: [] as [number, string][],
    sent: [] as string[],
    editLast: vi.fn(),
  };
  render(<ModalComposer initial={initial} calls={calls} />);
  return {
    calls,
    box: screen.getByRole<HTMLTextAreaElement>("combobox", { name: "Message #dev" }),
    user: userEvent.setup(),
  };
}

describe("Composer: editing and replying", () => {
  it("↑ in an empty composer edits the last line: Enter saves the new text", async () => {
    const { calls, box, user } = setupModes();
    await user.click(box);
    await user.keyboard("{ArrowUp}");
    expect(calls.editLast).toHaveBeenCalled();
    expect(box.value).toBe("my last line");
    expect(screen.getByText(/Editing your message/)).toBeTruthy();
    await user.type(box, "!{Enter}");
    expect(calls.edits).toEqual([[7, "my last line!"]]);
    expect(calls.sent).toEqual([]);
    expect(box.value).toBe("");
    expect(screen.queryByText(/Editing your message/)).toBeNull();
  });

  it("Esc cancels an edit and gives back the message that was being written", async () => {
    const { calls, box, user } = setupModes();
    await user.type(box, "half a thought");
    await user.click(screen.getByRole("button", { name: "start editing" }));
    expect(box.value).toBe("my last line");
    await user.click(box);
    await user.keyboard("{Escape}");
    expect(box.value).toBe("half a thought");
    expect(calls.edits).toEqual([]);
  });

  it("↑ with text in the composer moves the cursor as usual rather than editing", async () => {
    const { calls, box, user } = setupModes();
    await user.type(box, "draft{ArrowUp}");
    expect(calls.editLast).not.toHaveBeenCalled();
  });

  it("shows whom a reply answers, sends it as a reply, and can be cancelled", async () => {
    const { calls, box, user } = setupModes({ kind: "reply", seq: 3, author: "ann", excerpt: "lunch at noon?" });
    expect(screen.getByRole("status").textContent).toContain("Replying to ann: lunch at noon?");
    await user.type(box, "sure{Enter}");
    expect(calls.replies).toEqual([[3, "sure"]]);
    expect(calls.sent).toEqual([]);
    expect(screen.queryByText(/Replying to/)).toBeNull();
    cleanup();
    const again = setupModes({ kind: "reply", seq: 3, author: "ann", excerpt: "lunch at noon?" });
    await again.user.click(screen.getByRole("button", { name: "Cancel the reply" }));
    expect(screen.queryByText(/Replying to/)).toBeNull();
    await again.user.type(again.box, "plain{Enter}");
    expect(again.calls.sent).toEqual(["plain"]);
  });
});

describe("Composer: text over the limit", () => {
  it("keeps all of it, says how much to cut, and does not send until it fits", async () => {
    const { sent, box, user } = setup();
    const long = "x".repeat(limits.messageMaxLength + 25);
    await user.click(box);
    await user.paste(long);
    expect(box.value).toHaveLength(long.length);
    expect(screen.getByText("25 characters over the limit — cut 25 to send")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Send" }).disabled).toBe(true);
    await user.keyboard("{Enter}");
    expect(sent).toEqual([]);
    expect(box.value).toHaveLength(long.length);
    await user.keyboard("{Backspace>25/}");
    expect(screen.queryByText(/over the limit/)).toBeNull();
    await user.keyboard("{Enter}");
    expect(sent).toEqual(["x".repeat(limits.messageMaxLength)]);
  });
});
