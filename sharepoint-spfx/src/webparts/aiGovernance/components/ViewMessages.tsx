import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';

/** What went wrong (announced at once) and what just happened (announced politely), above a view. */
export function ViewMessages(props: { failure: string; status: string }): React.ReactElement {
  return (
    <>
      {props.failure && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {props.failure}
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {props.status}
      </div>
    </>
  );
}
