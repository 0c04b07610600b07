/** Marks a bot account wherever its name is shown: its lines, the member list. */
export function BotBadge() {
  return (
    <span className="bot-badge" title="A bot: a program acting through its owner's token">
      BOT
    </span>
  );
}
