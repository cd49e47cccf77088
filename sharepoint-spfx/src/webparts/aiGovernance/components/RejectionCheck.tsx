import * as React from 'react';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { REJECTION_CONSEQUENCE } from '../../../contract/generated/contract';

export interface RejectionCheckProps {
  title: string;
  /** The reason as the approver wrote it; going back keeps it in the form. */
  reason: string;
  busy: boolean;
  onConfirm(): void;
  onBack(): void;
}

/**
 * The second step before a rejection is recorded, as on the emailed decision page: what rejecting
 * does (the contract's sentence, the same on both) and the reason the requester will read.
 */
export const RejectionCheck: React.FC<RejectionCheckProps> = ({ title, reason, busy, onConfirm, onBack }) => {
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="aig-reject-title" style={{ marginTop: 24, borderLeft: '4px solid #a4262c', paddingLeft: 12 }}>
      <h3 id="aig-reject-title" ref={headingRef} tabIndex={-1}>
        Reject “{title}”?
      </h3>
      <p>{REJECTION_CONSEQUENCE}</p>
      <p>Your reason:</p>
      <blockquote data-testid="rejection-reason" style={{ margin: '4px 0 12px 16px', whiteSpace: 'pre-wrap' }}>
        {reason}
      </blockquote>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <PrimaryButton text={busy ? 'Recording…' : 'Yes, reject the request'} disabled={busy} onClick={onConfirm} />
        <DefaultButton text="No, go back to the decision" disabled={busy} onClick={onBack} />
      </div>
    </section>
  );
};
