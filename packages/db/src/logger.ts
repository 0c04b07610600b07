/** What the database code logs through: a pino logger (the server's) fits. */
export interface DatabaseLogger {
  warn(details: object, message: string): void;
}
