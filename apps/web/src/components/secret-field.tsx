import { useState } from "react";

/** A secret shown once (a new API token): selected on focus, with a button that copies it. */
export function SecretField({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the field is still there to select.
      setCopied(false);
    }
  };
  return (
    <div className="secret-field">
      <input
        type="text"
        readOnly
        value={secret}
        aria-label="New API token"
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button type="button" className="button subtle" onClick={() => void copy()}>
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
