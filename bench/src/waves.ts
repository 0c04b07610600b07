/** Connections opened at once by a bench: enough to load the server, few enough that its accept queue is not what is measured. */
export const WAVE = 100;

/** Runs `work` over `items` a wave at a time, in order, and returns every result. */
export async function inWaves<T, R>(items: T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += WAVE)
    out.push(...(await Promise.all(items.slice(i, i + WAVE).map((item, k) => work(item, i + k)))));
  return out;
}
