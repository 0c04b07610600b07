import type { ChatError } from "@canaduck/contract";
import { useCallback, useState } from "react";
import { useChat } from "../lib/chat-context";
import { uploadFile } from "../lib/files-api";

export interface Upload {
  id: number;
  name: string;
  loaded: number;
  total: number;
  /** The refusal, shown until dismissed; an accepted upload leaves the list (its line shows it). */
  error: ChatError | null;
}

let nextId = 1;

/** Uploads to one conversation, each with its progress and, when refused, its coded reason. */
export function useUploads(target: string) {
  const { tokens } = useChat();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (id: number, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));

  const start = useCallback(
    (files: readonly File[]) => {
      const token = tokens.load();
      for (const file of files) {
        const id = nextId++;
        setUploads((all) => [...all, { id, name: file.name, loaded: 0, total: file.size, error: null }]);
        if (token === null) {
          patch(id, { error: { code: "NOT_AUTHENTICATED", message: "Log in again to upload." } });
          continue;
        }
        void uploadFile(target, file, token, (loaded, total) => patch(id, { loaded, total })).then((error) => {
          if (error) patch(id, { error });
          else setUploads((all) => all.filter((u) => u.id !== id));
        });
      }
    },
    [target, tokens],
  );
  const dismiss = useCallback((id: number) => setUploads((all) => all.filter((u) => u.id !== id)), []);
  return { uploads, start, dismiss };
}
