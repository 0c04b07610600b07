/** The usage and one-line help of the command being typed. */
export function CommandHint({ id, usage, help }: { id: string; usage: string; help: string }) {
  return (
    <p className="command-hint" id={id}>
      <code>{usage}</code> <span>{help}</span>
    </p>
  );
}
