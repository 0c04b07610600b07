import { describe, expect, it } from "vitest";
import { fileLink, formatFileSize } from "./file-size";

describe("file sizes and links", () => {
  it("reads sizes as people do", () => {
    expect(formatFileSize(999)).toBe("999 B");
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 MB");
  });
  it("links a file under the server's /api/v1/files", () => {
    expect(fileLink("http://chat.example:3000/", "abc_1")).toBe("http://chat.example:3000/api/v1/files/abc_1");
  });
});
