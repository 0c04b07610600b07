import { userCommand } from "../command";

/** session:quit — closes this connection after the ack; others see the user go offline. */
export const quit = userCommand<"session:quit">({
  access: "user",
  rate: "unlimited",
  transaction: "required",
  audit: "none",
  run(ctx) {
    ctx.out.push({ type: "close-connection", reason: "quit" });
    return Promise.resolve({});
  },
});
