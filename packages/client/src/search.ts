// Search lives apart from the main entry point: the web loads it only when someone first searches.
export * from "./search-session";
export * from "./search-excerpt";
