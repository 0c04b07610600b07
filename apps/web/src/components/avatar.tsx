import { avatarHue } from "../lib/avatar-hue";

/** A coloured initial; decorative, the name is always written beside it. */
export function Avatar({ name, online }: { name: string; online?: boolean }) {
  return (
    <span className="avatar" aria-hidden="true" style={{ "--hue": avatarHue(name) } as React.CSSProperties}>
      {name.slice(0, 1).toUpperCase()}
      {online !== undefined && <span className={online ? "presence online" : "presence"} />}
    </span>
  );
}
