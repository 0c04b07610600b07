/** Where each part of the chat screen goes, in terminal cells. */
export interface Layout {
  columns: number;
  rows: number;
  /** 0 when the channel list is hidden (narrow terminals). */
  sidebarWidth: number;
  /** 0 when the member list is hidden. */
  membersWidth: number;
  paneWidth: number;
  /** Rows between the title bar and the status bar. */
  paneHeight: number;
  /** Whether a hint row (completion options, a command's usage) sits above the status bar. */
  hint: boolean;
}

/** Below this the screen says it is too small instead of drawing a broken layout. */
export const MIN_COLUMNS = 30;
export const MIN_ROWS = 8;

export const tooSmall = (columns: number, rows: number): boolean => columns < MIN_COLUMNS || rows < MIN_ROWS;

/**
 * Splits the terminal: a title row, then channel list | messages | members, then an optional hint
 * row, the status bar and the input line. Side columns (each with its one-cell border) give way to
 * the messages as the terminal narrows; members (of a channel, not a conversation) are shown by
 * default only when there is room.
 */
export function computeLayout(
  columns: number,
  rows: number,
  options: { showMembers: boolean | null; hint: boolean; longestName: number; hasMembers: boolean },
): Layout {
  const sidebarWidth = columns >= 60 ? Math.min(22, Math.max(14, options.longestName + 8)) : 0;
  const membersWanted = options.hasMembers && (options.showMembers ?? columns >= 100);
  const membersWidth = membersWanted && columns - sidebarWidth >= 50 ? 18 : 0;
  const paneWidth = columns - sidebarWidth - membersWidth;
  const paneHeight = Math.max(1, rows - 3 - (options.hint ? 1 : 0));
  return { columns, rows, sidebarWidth, membersWidth, paneWidth, paneHeight, hint: options.hint };
}
