import { resetPassword } from "@canaduck/domain";
import { liveNote, passwordFrom, words, type AdminCommand } from "../admin-context";

export const resetPasswordCommand: AdminCommand = {
  usage: "reset-password <name> (password on stdin)",
  summary: "set a new password and end every session of the account",
  async run(input) {
    const [name = ""] = words(input, 1, 1, this.usage);
    const password = await passwordFrom(input);
    const { result } = await resetPassword(await input.openDomain(), { name, password });
    return `reset the password of ${name}; ${result.sessionsEnded} session(s) ended (${liveNote(input.config)})`;
  },
};
