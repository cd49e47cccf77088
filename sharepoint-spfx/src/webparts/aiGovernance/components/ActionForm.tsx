import * as React from 'react';
import { fireAndForget } from './fireAndForget';

export interface ActionFormProps {
  /** The id of the heading that names the form. */
  labelledBy: string;
  /** What sending the form does; it shows its own errors. */
  onSubmit: () => Promise<unknown> | void;
  style?: React.CSSProperties;
  children?: React.ReactNode;
}

/**
 * A form the web part validates itself (so the error summary speaks, not the browser), sent by
 * the action it names rather than by loading a page.
 */
export const ActionForm: React.FC<ActionFormProps> = ({ labelledBy, onSubmit, style, children }) => (
  <form
    noValidate
    aria-labelledby={labelledBy}
    onSubmit={(e) => {
      e.preventDefault();
      const work = onSubmit();
      if (work) fireAndForget(work);
    }}
    style={style}
  >
    {children}
  </form>
);
