/** Visible warnings: values the plot leaves out and why, and anything that failed. */
export function Notices({ notes, errors }: { notes: string[]; errors: string[] }) {
  if (notes.length === 0 && errors.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="warnings">
      <ul>
        {errors.map((e) => (
          <li key={`e:${e}`} className="notice-error">
            {e}
          </li>
        ))}
        {notes.map((n) => (
          <li key={`n:${n}`}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
