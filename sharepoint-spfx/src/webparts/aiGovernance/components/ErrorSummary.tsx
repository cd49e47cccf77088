import * as React from 'react';
import type { FieldMessage } from '../../../services/types';

export interface ErrorSummaryProps {
  title?: string;
  errors: FieldMessage[];
  /** Maps a field path to the id of the element its link should move focus to. */
  targetId: (field: string) => string;
}

/** Moves focus to the field itself; for a group of radio buttons or boxes, to its first input. */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const focusable = element.matches('input, textarea, select, button')
    ? element
    : element.querySelector<HTMLElement>('input:checked, input, textarea, select, button');
  (focusable ?? element).focus();
  element.scrollIntoView?.({ block: 'center' });
}

/**
 * The error summary at the top of a form (after the GOV.UK and NHS design system pattern): it
 * takes focus when it appears, so screen reader users hear it, and each problem links to its field.
 */
export const ErrorSummary: React.FC<ErrorSummaryProps> = ({ title = 'There is a problem', errors, targetId }) => {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="aig-error-summary-title"
      data-testid="error-summary"
      style={{ border: '4px solid #d5281b', padding: '12px 16px', margin: '16px 0', outline: 'none' }}
    >
      <h2 id="aig-error-summary-title" style={{ marginTop: 0 }}>
        {title}
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field} style={{ margin: '4px 0' }}>
            <a
              href={`#${targetId(e.field)}`}
              // WCAG 2.2 target size: each link at least 24 pixels high, so a long list is easy to use by touch.
              style={{ color: '#d5281b', fontWeight: 600, display: 'inline-block', minHeight: 24, lineHeight: '24px' }}
              onClick={(ev) => {
                ev.preventDefault();
                focusField(targetId(e.field));
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
};
