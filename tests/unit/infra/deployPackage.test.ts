import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// azd deploys azure.yaml's `dist` folder, made by the prepackage hook; if either drifts from
// scripts/packageApp.js, azd would deploy the whole repository or an empty folder.
const root = join(__dirname, '..', '..', '..');
const azureYaml = readFileSync(join(root, 'azure.yaml'), 'utf8');
const funcignore = readFileSync(join(root, '.funcignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('azd packaging', () => {
  it('deploys the folder npm run package:app builds, building it before azd packages', () => {
    expect(azureYaml).toMatch(/^\s+dist: \.deploy\/api$/m);
    expect(azureYaml).toMatch(/prepackage:\s+shell: sh\s+run: npm run -s package:app/);
    expect(pkg.scripts['package:app']).toBe('node scripts/packageApp.js');
    // azd's zip step drops node_modules for TypeScript unless remote build is off (it reads no
    // .funcignore from the repository root for a dist folder), and the package ships its own.
    expect(azureYaml).toMatch(/^\s+remoteBuild: false$/m);
    // azd's npm packaging also runs a `package` script if there is one; none may rebuild the folder.
    expect(pkg.scripts.package).toBeUndefined();
  });

  it('.funcignore keeps development files out but not what the host loads', () => {
    expect(funcignore).toEqual(expect.arrayContaining(['/local/', '/tests/', '/sharepoint-spfx/', '/dist/local/', 'local.settings.json']));
    for (const needed of ['node_modules', '/node_modules/', 'dist', '/dist/', 'host.json', 'package.json']) {
      expect(funcignore).not.toContain(needed);
    }
  });
});
