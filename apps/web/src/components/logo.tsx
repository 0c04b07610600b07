/** The duck mark and name; decorative, the name is the text. */
export function Logo({ small = false }: { small?: boolean }) {
  return (
    <span className={small ? "logo small" : "logo"}>
      <svg viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <circle cx="32" cy="32" r="30" fill="#f5b301" />
        <circle cx="40" cy="24" r="5" fill="#1f2328" />
        <path d="M44 34h16l-10 8H40z" fill="#e8590c" />
      </svg>
      <span className="logo-name">CanaDuck</span>
    </span>
  );
}
