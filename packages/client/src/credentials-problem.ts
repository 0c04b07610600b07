import { limits, nickSchema, type ErrorCode } from "@canaduck/contract";

/** What is wrong with a login or registration form, and which field to fix. */
export interface CredentialsProblem {
  field: "name" | "password";
  error: { code: ErrorCode; message: string };
}

/** The contract's "a nick starts with…" as a sentence of its own. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/**
 * Checks the form before asking the server, by the contract's own rules, so both clients refuse
 * the same things in the same words; null when it may be sent.
 */
export function credentialsProblem(
  mode: "login" | "register",
  name: string,
  password: string,
): CredentialsProblem | null {
  const nick = name.trim();
  if (nick === "") return { field: "name", error: { code: "INVALID_NICK", message: "Type your nick." } };
  const parsed = nickSchema.safeParse(nick);
  if (!parsed.success)
    return {
      field: "name",
      error: { code: "INVALID_NICK", message: sentence(parsed.error.issues[0]?.message ?? "that nick is not valid") },
    };
  if (password === "") return { field: "password", error: { code: "INVALID_PAYLOAD", message: "Type your password." } };
  if (mode === "register" && password.length < limits.passwordMinLength) {
    return {
      field: "password",
      error: { code: "INVALID_PAYLOAD", message: `A password has at least ${limits.passwordMinLength} characters.` },
    };
  }
  return null;
}
