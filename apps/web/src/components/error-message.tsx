/** An error in plain words: a headline for its code, then the detail. */
export function ErrorMessage({
  headline,
  detail,
  code,
  id,
}: {
  headline: string;
  detail: string;
  code: string;
  id?: string;
}) {
  return (
    <p className="error" role="alert" data-code={code} id={id}>
      <strong>{headline}</strong> {detail}
    </p>
  );
}
