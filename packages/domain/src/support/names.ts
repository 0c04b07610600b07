/** Names compare ignoring case: "Bob" and "bob" are the same nick, "#Dev" and "#dev" the same channel. */
export const nameKey = (name: string): string => name.toLowerCase();

/** A direct conversation's stable name, the same whichever of the two starts it. */
export const directChannelName = (a: string, b: string): string => `dm:${[a, b].sort().join(":")}`;
