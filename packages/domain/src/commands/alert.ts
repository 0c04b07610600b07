import { userCommand } from "../command";
import { audit } from "../support/audit";

/** server:alert — an admin's notice to everyone connected. */
export const alert = userCommand<"server:alert">({
  access: "admin",
  async run(ctx) {
    const text = ctx.payload.text.trim();
    await audit(ctx, { action: "alert", actor: ctx.user, detail: text });
    ctx.out.emit({ everyone: true }, "server:alert", { text, from: ctx.user.name, createdAt: ctx.now.toISOString() });
    return { delivered: true as const };
  },
});
