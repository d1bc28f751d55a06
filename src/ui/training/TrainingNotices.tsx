/** A crashed worker or a refused config, said plainly above the plots. */
export function TrainingNotices({ crash, error }: { crash: string | null; error: string | null }) {
  if (!crash && !error) return null;
  return (
    <div className="notices" data-testid="train-notices">
      <ul>
        {crash && (
          <li className="notice-error" data-testid="train-crash">
            {crash}
          </li>
        )}
        {error && (
          <li className="notice-error" data-testid="train-error">
            {error}
          </li>
        )}
      </ul>
    </div>
  );
}
