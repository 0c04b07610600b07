import { Text, type TextProps } from "ink";
import { Children, createContext, useContext } from "react";
import { sanitize } from "./lines/sanitize";
import { themed } from "./theme";

/** Inside a text cut to one row, a line break would push a fake row onto the screen: it is a space. */
const OneRow = createContext(false);

/**
 * Ink's `Text` with every string in it passed through the sanitiser. It is the only way this app
 * draws text (the linter refuses ink's `Text` anywhere else), so no string a server sent (a nick,
 * a topic, a refusal) can reach the terminal as escape sequences, whichever screen draws it. Its
 * colour is the theme's (theme.ts), for the same reason: every screen draws through here.
 */
export function SafeText({ children, ...props }: TextProps) {
  const oneRow = useContext(OneRow) || (props.wrap?.startsWith("truncate") ?? false);
  const clean = (text: string) => (oneRow ? sanitize(text).replace(/\n/g, " ") : sanitize(text));
  return (
    <OneRow.Provider value={oneRow}>
      <Text {...props} {...(props.color === undefined ? {} : { color: themed(props.color) })}>
        {Children.map(children, (child) => (typeof child === "string" ? clean(child) : child))}
      </Text>
    </OneRow.Provider>
  );
}
