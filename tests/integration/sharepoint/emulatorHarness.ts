export { startEmulator, type EmulatorHarness } from '../../../local/sharepoint/standalone';
