/** Socket.IO room names: a channel's members, a user's connections, a session's connections. */
export const channelRoom = (channelId: string) => `c:${channelId}`;
export const userRoom = (userId: string) => `u:${userId}`;
export const sessionRoom = (sessionId: string) => `s:${sessionId}`;
