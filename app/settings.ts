import { loadSettings, type Settings } from '../shared/config/settings';

/**
 * Settings are checked once, when the app loads: a missing or bad setting stops the app with one
 * message naming every problem, instead of failing later inside a request or an orchestration.
 */
export const settings: Settings = loadSettings();
