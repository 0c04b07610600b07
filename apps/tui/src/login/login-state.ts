import { credentialsProblem } from "@canaduck/client";
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from "../input/line-editor";

export type LoginMode = "login" | "register";
export type LoginField = "name" | "password";

export interface LoginState {
  mode: LoginMode;
  field: LoginField;
  name: EditorState;
  password: EditorState;
  busy: boolean;
  error: string | null;
}

export const initialLogin: LoginState = {
  mode: "login",
  field: "name",
  name: emptyEditor,
  password: emptyEditor,
  busy: false,
  error: null,
};

export type LoginAction =
  | { type: "toggle-mode" }
  | { type: "focus"; field: LoginField }
  /** A key's edit, applied to the focused field. */
  | { type: "edit"; action: EditorAction }
  | { type: "busy" }
  | { type: "failed"; error: string; field: LoginField };

export function loginReducer(state: LoginState, action: LoginAction): LoginState {
  switch (action.type) {
    case "toggle-mode":
      return { ...state, mode: state.mode === "login" ? "register" : "login", error: null };
    case "focus":
      return { ...state, field: action.field };
    case "edit": {
      if (state.busy) return state;
      const field = state[state.field];
      const edited = editorReducer(field, action.action);
      return edited === field ? state : { ...state, [state.field]: edited, error: null };
    }
    case "busy":
      return { ...state, busy: true, error: null };
    case "failed":
      return { ...state, busy: false, error: action.error, password: emptyEditor, field: action.field };
  }
}

export const loginName = (state: LoginState): string => state.name.value.trim();

/** What is wrong with the form before asking the server, in plain words, and which field to fix; null when it may be sent. */
export function loginProblem(state: LoginState): { error: string; field: LoginField } | null {
  const problem = credentialsProblem(state.mode, state.name.value, state.password.value);
  return problem && { error: problem.error.message, field: problem.field };
}
