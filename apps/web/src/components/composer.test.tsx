import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Composer, type ComposerError } from "./composer";

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
