import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BicepFile, readParameters, type BicepContext } from './bicep';

export interface DeploymentInputs {
  /** The azd environment (`azd env set …`) that fills main.parameters.json. */
  env: Record<string, string | undefined>;
  outputs: BicepContext['outputs'];
  tenantId: string;
  subscriptionId: string;
}

/**
 * The app settings infra/main.bicep gives the Function App (the functionApp module's appSettings),
 * for the given azd environment and module outputs, Key Vault references still unresolved.
 */
export function deploymentAppSettings(infraDir: string, inputs: DeploymentInputs): Record<string, string> {
  const params = readParameters(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8'), inputs.env);
  const main = new BicepFile(readFileSync(join(infraDir, 'main.bicep'), 'utf8'), { params, outputs: inputs.outputs, tenantId: inputs.tenantId, subscriptionId: inputs.subscriptionId });
  const settings = main.evaluate(main.moduleProperty('functionApp', 'appSettings'));
  if (typeof settings !== 'object' || Array.isArray(settings)) throw new Error('main.bicep: appSettings is not an object');
  return Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
}

/** The paths App Service authentication lets through without sign-in (the functionApp module's authExcludedPaths). */
export function deploymentExcludedPaths(infraDir: string, inputs: DeploymentInputs): string[] {
  const params = readParameters(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8'), inputs.env);
  const main = new BicepFile(readFileSync(join(infraDir, 'main.bicep'), 'utf8'), { params, outputs: inputs.outputs, tenantId: inputs.tenantId, subscriptionId: inputs.subscriptionId });
  const paths = main.evaluate(main.moduleProperty('functionApp', 'authExcludedPaths'));
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) throw new Error('main.bicep: authExcludedPaths is not a list of paths');
  return paths;
}
