import type { ExpressionError } from '../../math/expression.ts';

/**
 * The compiler's message and the typed text with the offending character underlined and a caret
 * under it, so the position is visible without counting columns.
 */
export function ExpressionErrorView({ id, text, error }: { id: string; text: string; error: ExpressionError }) {
  const pos = Math.max(0, Math.min(error.position, text.length));
  // An error at the end of the text (e.g. a missing operand) gets a visible placeholder to underline.
  const at = text.slice(pos, pos + 1) || '\u00a0';
  return (
    <div id={id} className="expression-error" role="alert" data-testid="expression-error">
      <p className="expression-error-message">{error.message}</p>
      <pre className="expression-error-source" aria-hidden="true">
        {text.slice(0, pos)}
        <mark data-testid="expression-caret" data-position={pos}>
          {at}
        </mark>
        {text.slice(pos + 1)}
        {'\n'}
        {' '.repeat(pos)}^
      </pre>
    </div>
  );
}
