/**
 * Waits until the app has made no SharePoint call for two seconds (its calls counted by the
 * emulator's traffic), so a measurement starts with no other request's work still running.
 */
export async function untilQuiet(appCalls: () => Promise<number>): Promise<void> {
  let last = await appCalls();
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await appCalls();
    if (now === last) return;
    last = now;
  }
}
