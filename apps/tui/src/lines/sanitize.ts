/**
 * Removes control characters (C0, DEL, C1) and bidirectional overrides from text that came from
 * other people, so a line cannot move the cursor, recolour the screen, write the clipboard through
 * escape sequences, or show in another order than it was written. The server refuses them too;
 * this holds even against one that does not. Tabs become a space; line breaks are kept.
 */
export function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\t/g, " ").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
}
