import { Avatar } from "./avatar";

/** Who is logged in, as the sidebar's footer shows it. */
export function UserBadge({ name, isAdmin }: { name: string; isAdmin: boolean }) {
  return (
    <div className="user-badge">
      <Avatar name={name} />
      <div>
        <div className="user-name">{name}</div>
        <div className="user-role">{isAdmin ? "Administrator" : "Online"}</div>
      </div>
    </div>
  );
}
