// The canary's own process (see canary.ts): started by `canaryProcess`, it connects with the token
// it is given and, on each "watch" message, watches until "stop", then sends its figures back.
import { rawSocket } from "../raw-socket";
import { canary, type CanaryFigures } from "./canary";

const [url, token, channel] = process.argv.slice(2);
if (!url || !token || !channel) throw new Error("usage: canary-process <url> <token> <channel>");
const socket = await rawSocket(url, token);
let watching: ReturnType<typeof canary> | null = null;
process.on("message", (message: "watch" | "stop" | "exit") => {
  if (message === "watch") watching = canary(socket, channel);
  else if (message === "stop" && watching !== null) {
    const current = watching;
    watching = null;
    void current.stop().then((figures: CanaryFigures) => process.send?.(figures));
  } else if (message === "exit") {
    socket.disconnect();
    process.exit(0);
  }
});
process.send?.("ready");
