import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../../teams');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** Width and height from a PNG's header chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(join(dir, file));
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the Teams app manifest template', () => {
  it('uses manifest schema 1.17 or later', () => {
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(117);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it('names our Entra app, which Graph checks before sending activity notifications, as a placeholder', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: '{{ENTRA_APP_CLIENT_ID}}' });
  });

  it('asks only for the resource-specific permission to send activity notifications to its user', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'TeamsActivity.Send.User', type: 'Application' }]);
  });

  it('ships a 192 by 192 colour icon and a 32 by 32 outline icon', () => {
    expect(pngSize(manifest.icons.color)).toEqual([192, 192]);
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32]);
  });
});
