import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { FileStore } from "./file-store";

const KEY = /^[A-Za-z0-9_.-]{1,80}$/;

/** Objects as files of one directory (UPLOAD_DIR): for a single node. */
export function diskFileStore(dir: string): FileStore {
  // Keys are server-made ids; refusing anything else keeps a path from ever leaving `dir`.
  const pathOf = (key: string) => {
    if (!KEY.test(key) || key.startsWith(".")) throw new Error(`not a file store key: ${key}`);
    return path.join(dir, key);
  };
  return {
    async put(key, bytes) {
      await mkdir(dir, { recursive: true });
      const target = pathOf(key);
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${target}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, target);
    },
    async get(key): Promise<Readable | null> {
      const file = pathOf(key);
      const found = await stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      return found ? createReadStream(file) : null;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
