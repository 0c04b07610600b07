export { devChannel, type DevChannel } from "./fixtures";
export { InMemoryStore, type FaultPoint } from "./in-memory-store";
export type { MemoryState } from "./memory-state";
export { boundActor, codeOf, effectNames, emitted, expectOk, type Emitted } from "./outcomes";
export {
  createTestDomain,
  fakePasswords,
  passwordOf,
  TEST_START,
  testClock,
  type TestClock,
  type TestDomain,
  type TestDomainOptions,
} from "./test-domain";
