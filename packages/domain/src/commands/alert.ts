import { userCommand } from "../command";

/** server:alert — an admin's notice to everyone connected. */
export const alert = userCommand<"server:alert">({
  access: "admin",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "alert", when: "always" },
  async run(ctx) {
    const text = ctx.payload.text.trim();
    await ctx.audit({ actor: ctx.user, detail: text });
    ctx.out.emit({ everyone: true }, "server:alert", { text, from: ctx.user.name, createdAt: ctx.now.toISOString() });
    return { delivered: true as const };
  },
});
