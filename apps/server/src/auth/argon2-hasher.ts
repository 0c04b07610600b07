import { hash, verify, type Algorithm } from "@node-rs/argon2";
import type { PasswordHasher } from "@canaduck/domain";

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). @node-rs/argon2
 * hashes on libuv's thread pool, so other users' events keep flowing meanwhile.
 */
/** Algorithm.Argon2id; the enum is a const enum that isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  verify: async (encoded, password) => {
    try {
      return await verify(encoded, password);
    } catch {
      return false;
    }
  },
};
