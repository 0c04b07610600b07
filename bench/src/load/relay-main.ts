// The ceiling of the stack on this machine: a bare Socket.IO relay (join a room, re-emit to
// it), with nothing persisted and nothing checked. The load bench measures it with the same
// generator as CanaDuck and prints CanaDuck's figures as ratios to it.
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.env.PORT ?? 0);
const http = createServer((req, res) => {
  res.statusCode = req.url === "/healthz" ? 200 : 404;
  res.end();
});
const io = new Server(http, { serveClient: false });
io.on("connection", (socket) => {
  socket.on("join", (room: string, ack?: () => void) => {
    void socket.join(room);
    ack?.();
  });
  socket.on("send", (payload: { room: string; text: string }, ack?: (ok: boolean) => void) => {
    io.to(payload.room).emit("msg", { text: payload.text });
    ack?.(true);
  });
});
http.listen(port, "127.0.0.1");
process.once("SIGTERM", () => {
  void io.close();
  process.exit(0);
});
