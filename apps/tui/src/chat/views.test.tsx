import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "ink-testing-library";
import { plain } from "../testing/frames";
import { ChannelList } from "./channel-list";
import { InputLine } from "./input-line";
import { MemberList } from "./member-list";
import { StatusBar } from "./status-bar";

afterEach(cleanup);

describe("the channel list", () => {
  it("numbers the windows for Alt+number and shows unread counts, marking mentions, private lines and parted windows", () => {
    const base = { unread: 0, mentions: 0, activity: "none" as const, parted: false, muted: false };
    const windows = [
      { ...base, id: "a", number: 1, name: "#dev", kind: "channel" as const },
      {
        ...base,
        id: "b",
        number: 2,
        name: "#ops",
        kind: "channel" as const,
        unread: 4,
        mentions: 1,
        activity: "highlight" as const,
      },
      { ...base, id: "c", number: 4, name: "bob", kind: "direct" as const, unread: 2, activity: "private" as const },
      { ...base, id: "d", number: 5, name: "#gone", kind: "channel" as const, parted: true },
    ];
    const frame = plain(render(<ChannelList windows={windows} activeId="a" width={16} height={6} />).lastFrame());
    expect(frame).toContain(" 1 #dev");
    expect(frame).toMatch(/ 2!#ops +4│/);
    expect(frame).toMatch(/ 4!@bob +2│/);
    expect(frame).toMatch(/ 5-#gone +│/);
  });
});

describe("the status bar", () => {
  it("says when the connection dropped, who is typing, and that there is more below", () => {
    const frame = plain(
      render(
        <StatusBar
          status="reconnecting"
          nick="alice"
          where="1:#dev"
          typing="bob is typing…"
          scrolled={12}
          jumped={false}
          width={100}
        />,
      ).lastFrame(),
    );
    expect(frame).toBe("[disconnected, reconnecting…] [alice] [1:#dev] [more below: PageDown] bob is typing…");
  });

  it("says how to come back from a jump to older lines", () => {
    const frame = plain(
      render(
        <StatusBar status="online" nick="alice" where="1:#dev" typing={null} scrolled={3} jumped width={100} />,
      ).lastFrame(),
    );
    expect(frame).toBe("[online] [alice] [1:#dev] [older lines: End or Esc for the newest]");
  });
});

describe("the input line", () => {
  it("keeps wide characters within the terminal's width", () => {
    const text = "日本語と絵文字👍🎉を含むとても長い入力行のテキスト";
    const frame = plain(
      render(<InputLine prompt="[#dev] " value={text} cursor={text.length} width={30} />).lastFrame(),
    );
    expect(stringWidth(frame)).toBeLessThanOrEqual(30);
    expect(frame.startsWith("[#dev] ")).toBe(true);
    expect(frame).toContain("テキスト");
  });
});

describe("the member list", () => {
  const members = Array.from({ length: 40 }, (_, i) => ({
    id: `u${i}`,
    name: `user${String(i).padStart(2, "0")}`,
    role: "member" as const,
    isAdmin: false,
    online: true,
  }));

  it("shows every member of a long list, a page at a time, saying where it stands", () => {
    const first = plain(render(<MemberList members={members} width={24} height={10} />).lastFrame());
    expect(first).toContain("Members 40/40 1-9");
    expect(first).toContain("user08");
    expect(first).not.toContain("user09");
    const last = plain(render(<MemberList members={members} width={24} height={10} top={35} />).lastFrame());
    expect(last).toContain("32-40");
    expect(last).toContain("user39");
    expect(last).not.toContain("user30");
  });
});
