import { app, dialog } from 'electron';
import { IdentityError } from '../identity/identity-error.js';

type Lang = 'en' | 'ja';

const TITLE: Record<Lang, string> = { en: 'TwoStep could not start', ja: 'TwoStep を起動できませんでした' };
const QUITS: Record<Lang, string> = { en: 'TwoStep will quit.', ja: 'TwoStep を終了します。' };

/** What went wrong, in words the person at the keyboard can act on. */
function causeOf(error: unknown, lang: Lang, userData: string): string {
  if (error instanceof IdentityError && error.code === 'STORE_TOO_NEW') {
    const { found, supported } = error.params ?? {};
    return lang === 'ja'
      ? `${userData} のデータは新しい TwoStep で作られています (データのバージョン ${found}。この TwoStep は ${supported} までしか読めません)。新しい TwoStep を使うか、環境変数 TWOSTEP_USER_DATA で別のフォルダを指定して起動してください。`
      : `The data in ${userData} was written by a newer TwoStep (data version ${found}; this one reads up to ${supported}). Use a newer TwoStep, or start this one with TWOSTEP_USER_DATA set to another folder.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Says why the desktop app could not start, then quits with a failure: on stderr at once (npm
 * start reads it), and in an error box, because a user who opened the app from a menu or the Dock
 * sees no terminal. The box waits for 'ready': before it, Electron on Linux prints it to stderr
 * only (dialog.showErrorBox's documentation), and the locale is not known. Whatever happens, the
 * process ends with exit code 1, and this never rejects.
 */
export async function reportStartupFailure(error: unknown): Promise<void> {
  try {
    const userData = app.getPath('userData');
    console.error(`TwoStep could not start: ${causeOf(error, 'en', userData)}`);
    await app.whenReady();
    const lang: Lang = app.getLocale().toLowerCase().startsWith('ja') ? 'ja' : 'en';
    dialog.showErrorBox(TITLE[lang], `${causeOf(error, lang, userData)}\n\n${QUITS[lang]}`);
  } catch (failure) {
    console.error('TwoStep could not show why in a dialog either:', failure instanceof Error ? failure.message : failure);
  } finally {
    app.exit(1);
  }
}
