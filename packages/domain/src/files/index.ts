export * from "./uploads";
