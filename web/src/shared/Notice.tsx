/** The success message after a save: stays visible until dismissed or replaced by the next one. */
export function Notice({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {message ? (
        <div className="notice">
          <span className="notice-icon" aria-hidden="true">
            ✓
          </span>
          <span dir="auto">{message}</span>
          <button type="button" className="button-icon" aria-label="Dismiss message" onClick={onDismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
