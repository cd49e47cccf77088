import type { AnyField } from './lists/listDefinition';

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const TYPE: Record<AnyField['kind'], string> = {
  text: 'Text', note: 'Note', choice: 'Choice', multiChoice: 'MultiChoice', number: 'Number', currency: 'Currency',
  dateTime: 'DateTime', boolean: 'Boolean', person: 'User', personMulti: 'UserMulti', lookup: 'Lookup',
};

export function sharePointType(f: AnyField): string {
  return TYPE[f.kind];
}

/**
 * The CAML `<Field>` for CreateFieldAsXml. That call (with AddFieldInternalNameHint) is the one
 * REST route that sets the internal name exactly, so `RequestType` never becomes `Request_x0020_Type`.
 */
export function fieldSchemaXml(internalName: string, f: AnyField, lookupListId?: string): string {
  const a: string[] = [
    `Type="${TYPE[f.kind]}"`,
    `Name="${attr(internalName)}"`,
    `StaticName="${attr(internalName)}"`,
    `DisplayName="${attr(f.displayName)}"`,
    `Required="${f.required ? 'TRUE' : 'FALSE'}"`,
  ];
  if (f.indexed) a.push('Indexed="TRUE"');
  if (f.unique) a.push('EnforceUniqueValues="TRUE"');
  if (f.description) a.push(`Description="${attr(f.description)}"`);
  let inner = '';
  switch (f.kind) {
    case 'text':
      a.push('MaxLength="255"');
      break;
    case 'note':
      a.push('NumLines="6"', 'RichText="FALSE"');
      break;
    case 'choice':
    case 'multiChoice':
      if (f.kind === 'choice') a.push('Format="Dropdown"');
      inner = `<CHOICES>${(f.choices ?? []).map((c) => `<CHOICE>${attr(c)}</CHOICE>`).join('')}</CHOICES>`;
      break;
    case 'currency':
      a.push('LCID="2057"'); // pounds sterling
      break;
    case 'dateTime':
      a.push('Format="DateTime"');
      break;
    case 'person':
      a.push('UserSelectionMode="PeopleOnly"');
      break;
    case 'personMulti':
      a.push('UserSelectionMode="PeopleOnly"', 'Mult="TRUE"');
      break;
    case 'lookup':
      if (!lookupListId) throw new Error(`Lookup field ${internalName} needs the id of list '${f.lookupList ?? ''}'.`);
      a.push(`List="{${lookupListId}}"`, 'ShowField="Title"');
      break;
    default:
      break;
  }
  if (f.defaultValue !== undefined) inner += `<Default>${attr(f.defaultValue)}</Default>`;
  return `<Field ${a.join(' ')}>${inner}</Field>`;
}
