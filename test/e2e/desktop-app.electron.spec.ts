import { _electron as electron, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO, readCodeFromIPhone } from './helpers.js';

/** The Electron binary, if this machine has it (without triggering its download). */
function installedElectronBinary(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = installedElectronBinary();

// CI sets TWOSTEP_REQUIRE_ELECTRON where it has downloaded the binary: there a missing binary is a failure, not a skip.
if (binary === null && process.env.TWOSTEP_REQUIRE_ELECTRON) throw new Error('TWOSTEP_REQUIRE_ELECTRON is set but the Electron binary is not installed (node node_modules/electron/install.js downloads it).');
test.skip(binary === null, 'The Electron binary is not installed on this machine (it is downloaded on first launch, which needs the internet): this test runs the desktop app only where the Electron binary exists. Browser mode covers the same flow here.');

test('the seed flow in the desktop app, with Create opening the default browser', async ({ browser }) => {
  const { ensureElectronNative } = await import('../../scripts/electron-native.mjs');
  await ensureElectronNative();
  const userData = mkdtempSync(join(tmpdir(), 'twostep-electron-e2e-'));
  // chromiumSandbox: Playwright adds --no-sandbox on Linux otherwise, and TwoStep refuses to run unsandboxed.
  const app = await electron.launch({ executablePath: binary!, args: ['.'], chromiumSandbox: true, env: { ...process.env, TWOSTEP_USER_DATA: userData } });
  try {
    // The default browser is Playwright's own Chromium here: record where Create sends it.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { opened?: string[] }).opened = opened;
      shell.openExternal = (url: string) => {
        opened.push(url);
        return Promise.resolve();
      };
    });
    const control = await app.firstWindow();
    await expect(control.getByText(/not affiliated with Apple/)).toBeVisible();
    const openWindow = async (name: string): Promise<Page> => {
      const [window] = await Promise.all([app.waitForEvent('window'), control.getByRole('button', { name }).click()]);
      await window.waitForLoadState();
      return window;
    };

    const messages = await openWindow('Open Messages');
    await messages.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
    await messages.getByLabel('Password', { exact: true }).fill(DEMO.password);
    await messages.getByRole('button', { name: 'Sign In', exact: true }).click();
    await messages.getByRole('alertdialog', { name: 'App-specific password required' }).getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => app.evaluate(() => (globalThis as { opened?: string[] }).opened ?? [])).toHaveLength(1);
    const [url] = await app.evaluate(() => (globalThis as { opened?: string[] }).opened ?? []);
    expect(new URL(url!).searchParams.get('label')).toBe('iMessage and FaceTime');

    const iphone = await openWindow("Open Taro's iPhone");
    const site = await browser.newPage();
    await site.goto(url!);
    await site.getByLabel('Apple ID').fill(DEMO.appleId);
    await site.getByLabel('Password', { exact: true }).fill(DEMO.password);
    await site.getByRole('button', { name: 'Sign In' }).click();
    await site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
    await site.getByRole('button', { name: 'Continue' }).click();
    await site.getByLabel('Verification code').fill(await readCodeFromIPhone(iphone));
    await site.getByRole('button', { name: 'Continue' }).click();
    await expect(site.getByLabel('Label')).toHaveValue('iMessage and FaceTime');
    await site.getByRole('button', { name: 'Create' }).click();
    const password = (await site.getByText(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/).textContent())!;

    await messages.getByLabel('Password', { exact: true }).fill(password);
    await messages.getByRole('button', { name: 'Sign In', exact: true }).click();
    await expect(messages.getByRole('status')).toContainText('iMessage and FaceTime');

    await site.goto(new URL('/account/app-passwords', url).toString());
    await site.getByRole('button', { name: 'Delete' }).click();
    await site.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(messages.getByRole('alert')).toContainText('revoked');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
