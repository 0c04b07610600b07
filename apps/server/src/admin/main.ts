import { runAdmin } from "./run-admin";

/** Everything on standard input, or nothing when it is a terminal nobody typed into. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("password (then Enter and Ctrl+D): ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

const code = await runAdmin(process.argv.slice(2), {
  readStdin,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exit(code);
