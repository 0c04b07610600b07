/** A run of text with one style: what a screen row is made of. */
export interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
}

export type Row = Segment[];

export const rowText = (row: Row): string => row.map((s) => s.text).join("");
