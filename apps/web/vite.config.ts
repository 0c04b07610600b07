import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompressPlugin } from "./scripts/precompress";

// `npm run dev` serves the app with hot reload and hands Socket.IO to the server on :3000,
// so the app always talks to its own origin, as it does when the server serves the build.
export default defineConfig({
  // The server sends these precompressed files to browsers that accept brotli or gzip.
  plugins: [react(), precompressPlugin()],
  server: {
    port: 5173,
    proxy: { "/socket.io": { target: "http://localhost:3000", ws: true } },
  },
  build: {
    target: "es2022",
    // The server's CSP allows no inline script; Vite emits none, and no module preload polyfill is needed.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
