import { z } from "zod";

/** `npm run cluster`'s settings, from the environment. */
const clusterEnv = z.object({
  PORT: z.coerce.number().int().default(3000),
  HOST: z.string().default("127.0.0.1"),
  NODES: z.coerce.number().int().min(1).max(16).default(2),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "the nodes share a PostgreSQL database")
    .default("postgresql://postgres@127.0.0.1:5432/canaduck"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
});

export type ClusterConfig = z.infer<typeof clusterEnv> & { inherited: NodeJS.ProcessEnv };

export function loadClusterConfig(env: NodeJS.ProcessEnv = process.env): ClusterConfig {
  const parsed = clusterEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ")}`,
    );
  }
  // The nodes get the rest of the environment (log level, limits …) as it is.
  return { ...parsed.data, inherited: env };
}
