import { errorCodes, parseErrorCodes } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { errorHeadlines, errorLine, errorText } from "./error-text";

describe("error texts", () => {
  it("heads an error by its code and keeps the server's detail", () => {
    expect(errorText({ code: "BANNED", message: "You are banned from #ops." })).toEqual({
      headline: "Banned.",
      detail: "You are banned from #ops.",
    });
    expect(errorText({ code: "SOMETHING_NEW", message: "Odd." })).toEqual({
      headline: "That did not work.",
      detail: "Odd.",
    });
  });

  it("does not say the same thing twice", () => {
    expect(errorText({ code: "INVALID_CREDENTIALS", message: "Wrong name or password." })).toEqual({
      headline: "Wrong name or password.",
      detail: "",
    });
    expect(errorLine({ code: "INVALID_CREDENTIALS", message: "Wrong name or password." })).toBe(
      "Wrong name or password.",
    );
    expect(errorLine({ code: "FORBIDDEN", message: "Only operators can kick." })).toBe(
      "Not allowed. Only operators can kick.",
    );
  });

  it("has a headline of its own for every code the server or the parser can send", () => {
    for (const code of [...errorCodes, ...parseErrorCodes]) {
      expect(errorText({ code, message: "" }).headline, code).toBe(errorHeadlines[code]);
      expect(errorHeadlines[code].length, code).toBeGreaterThan(0);
    }
  });
});
