import { suspendAccount } from "@canaduck/domain";
import { liveNote, words, type AdminCommand } from "../admin-context";

export const suspendCommand: AdminCommand = {
  usage: "suspend <name> [reason]",
  summary: "suspend the account: its sessions end, it cannot log in, its messages stay",
  async run(input) {
    const [name = "", ...reason] = words(input, 1, Number.POSITIVE_INFINITY, this.usage);
    const { result } = await suspendAccount(await input.openDomain(), { name, reason: reason.join(" ") || null });
    return `suspended ${result.name}; ${result.sessionsEnded} session(s) ended (${liveNote(input.config)})`;
  },
};
