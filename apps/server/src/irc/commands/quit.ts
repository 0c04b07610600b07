import type { IrcCommand } from "../command-spec";

/** QUIT [:message]: a logged-in user's quit line goes to their channels, as /quit does on the web. */
export const quit: IrcCommand = {
  minParams: 0,
  preRegistration: true,
  async handler(client, { params }) {
    const message = params[0];
    if (client.account !== null) {
      await client.connection.run("session:quit", {
        ...(message === undefined || message === "" ? {} : { message }),
        logout: client.ownsSession,
      });
    }
    client.close(`Closing link: Quit${message ? `: ${message}` : ""}`);
  },
};
