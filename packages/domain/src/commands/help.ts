import { helpLines } from "@canaduck/contract";
import { userCommand } from "../command";
import { DomainError } from "../domain-error";

/** server:help — the shared grammar's usage lines, for clients that ask the server. */
export const help = userCommand<"server:help">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  run(ctx) {
    const lines = helpLines(ctx.payload.command, ctx.user.isAdmin);
    const typed = (ctx.payload.command ?? "").replace(/^\//, "");
    return lines === null
      ? Promise.reject(new DomainError("UNKNOWN_COMMAND", `There is no command /${typed}; try /help.`))
      : Promise.resolve({ lines });
  },
});
