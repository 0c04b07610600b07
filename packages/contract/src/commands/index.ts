export * from "./command-specs";
export * from "./complete-input";
export * from "./duration";
export * from "./help";
export * from "./parse-errors";
export * from "./parse-input";
export type * from "./parsed-command";
