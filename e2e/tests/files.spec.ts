import type { Page } from "@playwright/test";
import { expect, joinChannel, messageLog, seriousViolations, test } from "../fixtures/test";

/** A PNG drawn in the page's canvas, as the bytes of a file a person would pick. */
async function pngBytes(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement("canvas");
      canvas.width = w ?? 1;
      canvas.height = h ?? 1;
      const g = canvas.getContext("2d");
      if (g) {
        g.fillStyle = "#f2a33a";
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.fillStyle = "#1d4e89";
        g.fillRect(canvas.width / 4, canvas.height / 4, canvas.width / 2, canvas.height / 2);
      }
      return canvas.toDataURL("image/png");
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
}

/** Fires `type` (a drop on the conversation, or a paste in the composer) carrying one file, as a browser does. */
async function dispatchWithFile(page: Page, selector: string, type: "drop" | "paste", name: string, text: string) {
  await page.evaluate(
    ([sel, kind, fileName, content]) => {
      const target = document.querySelector(sel ?? "");
      if (!target) throw new Error(`no ${sel}`);
      const data = new DataTransfer();
      data.items.add(new File([content ?? ""], fileName ?? "file", { type: "text/plain" }));
      if (kind === "paste") {
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        return;
      }
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [selector, type, name, text],
  );
}

test("files and images: uploaded by the button, by drop and by paste; the other sees the thumbnail and opens it", async ({
  signUp,
}) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#photos");
  await joinChannel(bob, "#photos");

  // The button: a picture.
  await ann.getByTestId("file-input").setInputFiles({
    name: "sunset.png",
    mimeType: "image/png",
    buffer: await pngBytes(ann, 900, 600),
  });
  const thumbnail = messageLog(bob).getByRole("button", { name: "Open sunset.png full size" });
  await expect(thumbnail.getByRole("img", { name: "sunset.png" })).toBeVisible();

  // Drag and drop on the conversation: a file that is not an image.
  await dispatchWithFile(ann, "[role=log]", "drop", "notes.txt", "meeting at noon");
  const card = messageLog(bob).locator(".file-card", { hasText: "notes.txt" });
  await expect(card).toBeVisible();
  await expect(card).toContainText("application/octet-stream");
  await expect(card.getByRole("button", { name: "Download notes.txt" })).toBeVisible();

  // Paste into the composer; the file's name is shown as text, never as markup.
  const markup = "<img src=x onerror=alert(1)>.txt";
  await dispatchWithFile(ann, "textarea.composer-input", "paste", markup, "from the clipboard");
  await expect(messageLog(bob).getByText(markup)).toBeVisible();
  await expect(messageLog(bob).locator("img[src=x]")).toHaveCount(0);

  const download = bob.waitForEvent("download");
  await card.getByRole("button", { name: "Download notes.txt" }).click();
  expect((await download).suggestedFilename()).toBe("notes.txt");

  await bob.screenshot({ path: test.info().outputPath("files-in-conversation.png") });
  expect(await seriousViolations(bob)).toEqual([]);

  // Full size in a dialog; Escape closes it.
  await thumbnail.click();
  const dialog = bob.getByRole("dialog", { name: "sunset.png" });
  const full = dialog.getByRole("img", { name: "sunset.png" });
  await expect(full).toBeVisible();
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
  await bob.screenshot({ path: test.info().outputPath("image-full-size.png") });
  expect(await seriousViolations(bob)).toEqual([]);
  await bob.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test.describe("an upload over the limit", () => {
  test.use({ serverEnv: { UPLOAD_MAX_BYTES: "2000" } });

  test("is refused with its coded message, and nothing is posted", async ({ signUp }) => {
    const ann = await signUp("ann");
    await joinChannel(ann, "#photos");
    await ann.getByTestId("file-input").setInputFiles({
      name: "huge.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.alloc(5000, 7),
    });
    const refusal = ann.getByRole("list", { name: "Uploads" }).getByRole("alert");
    await expect(refusal).toContainText("That file is too large.");
    await expect(refusal).toHaveAttribute("data-code", "FILE_TOO_LARGE");
    await ann.screenshot({ path: test.info().outputPath("upload-refused.png") });
    await expect(messageLog(ann).locator(".file-card")).toHaveCount(0);
  });
});
