import { userCommand } from "../command";

/** session:quit — closes this connection after the ack; others see the user go offline. */
export const quit = userCommand<"session:quit">({
  access: "user",
  run(ctx) {
    ctx.out.push({ type: "close-connection", reason: "quit" });
    return Promise.resolve({});
  },
});
