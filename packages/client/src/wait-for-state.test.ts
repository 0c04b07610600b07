import { describe, expect, it } from "vitest";
import { chatReducer, type ChatAction } from "./reducer";
import { initialState, type ChatState } from "./state";
import { waitForState, type StateSource } from "./wait-for-state";

/** A state source driven by hand, as a ChatClient is driven by its socket. */
function source(): StateSource & { dispatch(action: ChatAction): void } {
  let state: ChatState = initialState;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispatch: (action) => {
      state = chatReducer(state, action);
      for (const listener of listeners) listener();
    },
  };
}

describe("waitForState", () => {
  it("resolves at once when the state is already there", async () => {
    const s = source();
    s.dispatch({ type: "status", status: "online" });
    expect((await waitForState(s, (state) => state.status === "online", 10)).status).toBe("online");
  });

  it("resolves with the first state that satisfies the predicate, and stops listening", async () => {
    const s = source();
    const waiting = waitForState(s, (state) => state.status === "online", 1_000);
    s.dispatch({ type: "status", status: "reconnecting" });
    s.dispatch({ type: "status", status: "online" });
    expect((await waiting).status).toBe("online");
  });

  it("rejects after the timeout, naming the connection state", async () => {
    await expect(waitForState(source(), (state) => state.status === "online", 20)).rejects.toThrow(
      /not reached in 20 ms \(connection: connecting\)/,
    );
  });
});
