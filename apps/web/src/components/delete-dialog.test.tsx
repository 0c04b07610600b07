import type { Message } from "@canaduck/contract";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeleteDialog } from "./delete-dialog";

const line: Message = {
  id: "m1",
  channelId: "c",
  seq: 1,
  kind: "text",
  author: { id: "ann", name: "ann" },
  text: "a line to regret",
  meta: {},
  createdAt: "2026-11-24T09:00:00.000Z",
  version: 1,
};

afterEach(cleanup);

describe("DeleteDialog", () => {
  it("asks first, naming whose line and quoting it; Delete deletes and closes", async () => {
    const onConfirm = vi.fn(() => Promise.resolve(null));
    const onClose = vi.fn();
    render(<DeleteDialog message={line} myId="bob" onConfirm={onConfirm} onClose={onClose} />);
    const dialog = screen.getByRole("dialog", { name: "Delete message" });
    expect(dialog.textContent).toContain("Delete ann's message for everyone?");
    expect(dialog.textContent).toContain("a line to regret");
    expect(onConfirm).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole("button", { name: "Delete" }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalled();
  });

  it("Cancel deletes nothing; a refusal is shown and the dialog stays", async () => {
    const onConfirm = vi.fn(() =>
      Promise.resolve({ code: "FORBIDDEN" as const, message: "Only operators can do that." }),
    );
    const onClose = vi.fn();
    render(<DeleteDialog message={line} myId="ann" onConfirm={onConfirm} onClose={onClose} />);
    expect(screen.getByRole("dialog").textContent).toContain("Delete your message");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Only operators can do that.");
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalled();
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
