import * as React from 'react';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { DTAC_AREAS, DTAC_RESULTS, DTAC_RESULT_LABELS, REFERENCE_HINTS, REFERENCE_LABELS, REFERENCES_INTRO, type ReferenceField } from '../../../contract/generated/contract';

export type ReferenceValues = Partial<Record<ReferenceField, string>>;

const HINTS: Partial<Record<ReferenceField, string>> = REFERENCE_HINTS;

const isDtacArea = (field: ReferenceField): field is keyof typeof DTAC_AREAS => field in DTAC_AREAS;

export interface ReferenceFieldsProps {
  fields: readonly ReferenceField[];
  values: ReferenceValues;
  onChange(field: ReferenceField, value: string): void;
  errorFor(field: ReferenceField): string | undefined;
  /** The id each field's input takes, so the error summary can move focus to it. */
  fieldId(field: ReferenceField): string;
}

/**
 * The references a step records with its decision (DPIA; DTAC with its date and five areas; IRAS
 * and ethics committee), worded as on the emailed decision page: labels and hints come from the
 * contract, and the service checks each value as it does for the page.
 */
export const ReferenceFields: React.FC<ReferenceFieldsProps> = ({ fields, values, onChange, errorFor, fieldId }) => {
  if (fields.length === 0) return null;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '16px 0' }}>
      <legend>
        <strong>References</strong>
      </legend>
      <p style={{ margin: '4px 0' }}>{REFERENCES_INTRO}</p>
      {fields.map((field) => {
        const error = errorFor(field);
        if (isDtacArea(field)) {
          const errorId = `${fieldId(field)}-error`;
          return (
            <div key={field} style={{ margin: '8px 0' }}>
              <ChoiceGroup
                id={fieldId(field)}
                label={`DTAC: ${REFERENCE_LABELS[field].toLowerCase()}`}
                selectedKey={values[field] ?? ''}
                options={DTAC_RESULTS.map((r) => ({ key: r, text: DTAC_RESULT_LABELS[r], 'aria-describedby': error ? errorId : undefined, 'aria-invalid': error ? true : undefined }))}
                onChange={(_, o) => onChange(field, o ? String(o.key) : '')}
              />
              {error && (
                <p id={errorId} style={{ color: '#a4262c', fontWeight: 600, margin: '4px 0' }}>
                  Error: {error}
                </p>
              )}
            </div>
          );
        }
        return (
          <TextField
            key={field}
            id={fieldId(field)}
            label={REFERENCE_LABELS[field]}
            description={HINTS[field]}
            value={values[field] ?? ''}
            errorMessage={error}
            // Hints at 14 px at least, as everywhere a person reads them.
            styles={{ description: { fontSize: 14 } }}
            onChange={(_, v) => onChange(field, v ?? '')}
          />
        );
      })}
    </fieldset>
  );
};
