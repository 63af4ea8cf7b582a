// @vitest-environment happy-dom
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStoreView } from '../../../preload/contract/places-types.js';
import { AppStoreApp } from '../../../renderer/appstore/AppStoreApp.js';
import { createAppStoreStore } from '../../../renderer/appstore/store.js';
import { initI18n, type Language } from '../../../renderer/i18n/index.js';
import { button, click, field, run, settle, type } from '../dom.js';
import { fail, fakeEventSource, fakeFetch } from '../fakes.js';
import { ALLOWED, heldDecision, STILL_PENDING } from '../iphone-answer.js';

/**
 * The App Store on a Mac the Apple ID does not trust, under two-factor authentication: the code
 * asked for at the trusted iPhone is first "Apple ID Sign In Requested" there. The Verify sheet
 * waits for the answer — the iPhone is asking, then the code is there — and a Don't Allow shows
 * at once in the sheet's alert, with nobody touching the window.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const VERIFICATION = 'd'.repeat(32);
const SIGNED_OUT: AppStoreView = { signedIn: null, macTrusted: false, purchases: [], installed: [] };
const DEVICES = [
  { id: 1, kind: 'iphone', name: "Taro's iPhone", maskedName: "Taro's iPhone" },
  { id: 2, kind: 'phone', name: '+1 (202) 555-0123', maskedName: '+1 (•••) •••-••23' },
];
const CHALLENGE = { status: 'VERIFICATION_REQUIRED', verificationId: VERIFICATION, devices: DEVICES, codeLength: 6, securityLevel: 'two-factor', recoveryKeyAccepted: false };
const ASKING = { deviceId: 1, deviceName: "Taro's iPhone", codeLength: 6, expiresAt: Date.now() + 600_000, awaitsApproval: true };

let root: Root | null = null;
let container: HTMLElement | null = null;

afterEach(async () => {
  await run(() => root?.unmount());
  container?.remove();
  root = container = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const WORDS = {
  en: { appleId: 'Apple ID', password: 'Password', signIn: 'Sign In', send: 'Send' },
  ja: { appleId: 'Apple ID', password: 'パスワード', signIn: 'サインイン', send: '送信' },
};

/** The sheet up (the toolbar has a Sign In of its own). */
const sheet = () => document.querySelector<HTMLElement>('.store-sheet')!;

/** The store window, signed out: Sign In, the password, then the code sent to the iPhone. */
async function atTheCode(lang: Language = 'en') {
  const iphone = heldDecision();
  const api = fakeFetch({
    appStore: () => ({ value: SIGNED_OUT }),
    appStoreSignIn: () => ({ value: CHALLENGE }),
    appStoreSendCode: () => ({ value: ASKING }),
    appStoreSignInDecision: iphone.wait,
  });
  fakeEventSource();
  initI18n('places.appStore.name', lang);
  const store = createAppStoreStore();
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await run(() => root!.render(<AppStoreApp store={store} />));
  await settle();
  await run(() => store.getState().openSignIn());
  const words = WORDS[lang];
  await type(field(words.appleId), 'demo@twostep.example');
  await type(field(words.password), 'Twostep-Demo-2015');
  await click(button(words.signIn, sheet()));
  const chooseText = sheetText();
  // The trusted devices, the iPhone chosen first.
  await click(button(words.send, sheet()));
  return { iphone, api, chooseText };
}

const sheetText = () => document.querySelector('.store-sheet .mac-sheet__text')?.textContent;
const alertText = () => Array.from(document.querySelectorAll('[role="alert"]')).map((a) => a.textContent?.trim() ?? '').filter(Boolean);

describe('the App Store, two-factor authentication: the iPhone asks first', () => {
  it('says the iPhone is asking, waits on its own, and says the code is there once Allow is tapped', async () => {
    const { iphone, api, chooseText } = await atTheCode();
    expect(chooseText).toBe('Your Apple ID is protected with two-factor authentication. Choose a trusted device to receive a verification code.');
    expect(sheetText()).toBe("Taro's iPhone is asking whether to allow this Mac to sign in. Tap Allow there, then enter the 6-digit code it shows.");
    expect(api.called('appStoreSignInDecision').map((c) => c.body)).toEqual([{ verificationId: VERIFICATION }]);
    await iphone.answer(STILL_PENDING);
    expect(iphone.open()).toBe(1);

    await iphone.answer(ALLOWED);
    expect(sheetText()).toBe("Allowed on Taro's iPhone. Enter the 6-digit code it shows.");
    expect(iphone.open()).toBe(0);
    expect(alertText()).toEqual([]);
  });

  it("says Don't Allow at once, in the sheet's alert, with nobody touching the window", async () => {
    const { iphone, api } = await atTheCode();
    const calls = api.calls.length;
    await iphone.answer(fail('SIGN_IN_DENIED'));
    const alert = document.querySelector('.store-sheet [role="alert"]');
    expect(alert?.textContent).toBe('This sign-in was not allowed on your trusted device, so it has ended. If it was you, sign in again.');
    expect(alertText()).toHaveLength(1);
    // No "Tap Allow there" above the refusal: the request is over.
    expect(sheetText()).toBe("The request on Taro's iPhone has ended.");
    // The sheet stays, as after Verify with this error: Cancel ends it.
    expect(field('Verification code')).toBeTruthy();
    expect(button('Cancel', sheet())).toBeTruthy();
    expect(api.calls.length).toBe(calls);
    expect(iphone.open()).toBe(0);
  });

  it('in Japanese: 「許可する」 on the iPhone, then its 確認コード', async () => {
    const { iphone } = await atTheCode('ja');
    expect(sheetText()).toBe('太郎の iPhone に、この Mac でのサインインを許可するかどうかの確認が表示されています。「許可する」をタップしてから、表示される 6 桁の確認コードを入力してください。');
    await iphone.answer(ALLOWED);
    expect(sheetText()).toBe('太郎の iPhone で許可されました。表示された 6 桁の確認コードを入力してください。');
  });
});
