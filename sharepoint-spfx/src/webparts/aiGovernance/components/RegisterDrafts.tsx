import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { RegisterCorrections, RegisterDraft } from '../../../services/types';
import { ApiError } from '../../../services/HttpAiGovernanceService';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';

type Editable = Required<Pick<RegisterCorrections, 'purpose' | 'humanOversight' | 'dataUsed' | 'owner'>>;
const FIELDS: { key: keyof Editable; label: string; multiline: boolean }[] = [
  { key: 'purpose', label: 'Purpose, in plain English', multiline: true },
  { key: 'humanOversight', label: 'How people check its outputs', multiline: true },
  { key: 'dataUsed', label: 'Kind of data used', multiline: false },
  { key: 'owner', label: 'Owner (team)', multiline: false },
];

const DraftEntry: React.FC<{ draft: RegisterDraft; onPublished: (name: string) => void }> = ({ draft, onPublished }) => {
  const service = useService();
  const [values, setValues] = React.useState<Editable>({ purpose: draft.purpose, humanOversight: draft.humanOversight, dataUsed: draft.dataUsed, owner: draft.owner });
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [failure, setFailure] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const publish = async (): Promise<void> => {
    setBusy(true);
    setFailure('');
    setErrors({});
    try {
      await service.publishRegisterEntry(draft.id, values);
      onPublished(draft.name);
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) setErrors(e.fieldMessages.reduce<Record<string, string>>((all, m) => ({ ...all, [m.field]: m.message }), {}));
      else setFailure(`We could not publish it. ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 4px' }}>
        {draft.name} {draft.supplier && <span style={{ fontWeight: 'normal' }}>({draft.supplier})</span>}
      </h4>
      <p style={{ margin: 0 }}>Approved {draft.approvedOn}. Next review {draft.reviewDate}. Not public yet.</p>
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          id={`aig-draft-${draft.id}-${f.key}`}
          label={`${f.label} (${draft.name})`}
          multiline={f.multiline}
          value={values[f.key]}
          errorMessage={errors[f.key]}
          onChange={(_, v) => setValues((old) => ({ ...old, [f.key]: v ?? '' }))}
        />
      ))}
      {failure && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {failure}
        </MessageBar>
      )}
      <PrimaryButton style={{ marginTop: 8 }} disabled={busy} text={`Publish ${draft.name} on the public register`} onClick={() => fireAndForget(publish())} />
      {draft.transparencyRecordUrl && (
        <p>
          <a href={draft.transparencyRecordUrl} target="_blank" rel="noreferrer">
            Check and publish the transparency record for {draft.name} (opens in a new tab)
          </a>
        </p>
      )}
    </li>
  );
};

/**
 * For the governance team: entries drafted on approval, to correct and publish. Nothing here is
 * public until it is published; who published it and when are recorded and audited.
 */
export const RegisterDrafts: React.FC<{ onPublished: () => void }> = ({ onPublished }) => {
  const service = useService();
  const [drafts, setDrafts] = React.useState<RegisterDraft[] | undefined>(undefined);
  const [done, setDone] = React.useState('');

  const load = React.useCallback(async (): Promise<void> => {
    setDrafts(await service.listRegisterDrafts().catch(() => undefined));
  }, [service]);
  React.useEffect(() => fireAndForget(load()), [load]);

  if (drafts === undefined) return null;
  return (
    <section aria-labelledby="aig-register-drafts">
      <h3 id="aig-register-drafts">Waiting to be published ({drafts.length})</h3>
      <div role="status">{done}</div>
      {drafts.length === 0 ? (
        <p>No drafted entries are waiting.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {drafts.map((d) => (
            <DraftEntry
              key={d.id}
              draft={d}
              onPublished={(name) => {
                setDone(`Published: ${name} is on the public register.`);
                onPublished();
                fireAndForget(load());
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
};
