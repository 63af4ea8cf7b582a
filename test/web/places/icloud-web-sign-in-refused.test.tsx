// @vitest-environment happy-dom
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ICloudWebApp } from '../../../renderer/icloud-web/ICloudWebApp.js';
import { useICloud } from '../../../renderer/icloud-web/store.js';
import { initI18n, type Language } from '../../../renderer/i18n/index.js';
import { syncLocation } from '../../../renderer/site/router.js';
import { button, click, field, run, settle, type } from '../dom.js';
import { fail, fakeFetch } from '../fakes.js';
import { ALLOWED, heldDecision, STILL_PENDING } from '../iphone-answer.js';

/**
 * iCloud.com under two-factor authentication: the trusted iPhone asks Allow / Don't Allow before
 * it shows a code. The page waits for the answer as My Apple ID does — the iPhone is asking, then
 * the code is there — and a Don't Allow shows at once in its alert, with nobody touching the page.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const VERIFICATION = 'c'.repeat(32);
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
  vi.unstubAllGlobals();
});

/** iCloud.com at /icloud, signed out, through the password to the code sent to the iPhone. */
async function atTheCode(lang: Language = 'en') {
  const iphone = heldDecision();
  const api = fakeFetch({
    session: () => fail('NOT_SIGNED_IN'),
    signIn: () => ({ value: CHALLENGE }),
    sendCode: () => ({ value: ASKING }),
    signInDecision: iphone.wait,
  });
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/icloud');
  syncLocation();
  useICloud.setState(useICloud.getInitialState(), true);
  initI18n('places.icloudWeb.pageTitle', lang);
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await run(() => root!.render(<ICloudWebApp />));
  await settle();
  const en = lang === 'en';
  await type(field('Apple ID'), 'demo@twostep.example');
  await type(field(en ? 'Password' : 'パスワード'), 'Twostep-Demo-2015');
  await click(button(en ? 'Sign In' : 'サインイン'));
  const chooseLead = lead();
  // The trusted devices, the iPhone chosen first.
  await click(button(en ? 'Send Code' : 'コードを送信'));
  return { iphone, api, chooseLead };
}

const lead = () => document.querySelector('.icw-card__lead')?.textContent;
const alertText = () => Array.from(document.querySelectorAll('[role="alert"]')).map((a) => a.textContent?.trim() ?? '').filter(Boolean);

describe('iCloud.com, two-factor authentication: the iPhone asks first', () => {
  it('says the iPhone is asking, waits on its own, and says the code is there once Allow is tapped', async () => {
    const { iphone, api, chooseLead } = await atTheCode();
    expect(chooseLead).toBe('Your Apple ID is protected with two-factor authentication. Choose a trusted device to receive a verification code.');
    expect(lead()).toBe("Taro's iPhone asks whether to allow this sign-in. Tap Allow there, then type the 6-digit code it shows.");
    expect(api.called('signInDecision').map((c) => c.body)).toEqual([{ verificationId: VERIFICATION }]);
    await iphone.answer(STILL_PENDING);
    expect(iphone.open()).toBe(1);

    await iphone.answer(ALLOWED);
    expect(lead()).toBe("Allowed on Taro's iPhone. Type the code it shows.");
    expect(iphone.open()).toBe(0);
    expect(alertText()).toEqual([]);
  });

  it("says Don't Allow at once, in its alert, with nobody touching the page", async () => {
    const { iphone, api } = await atTheCode();
    const calls = api.calls.length;
    await iphone.answer(fail('SIGN_IN_DENIED'));
    expect(alertText()).toEqual(['This sign-in was not allowed on your trusted device, so it has ended. If it was you, sign in again.']);
    // No "Tap Allow there" beside the refusal: the request is over.
    expect(lead()).toBe("The request on Taro's iPhone has ended.");
    // The step stays, as after Verify with this error: Cancel begins again.
    expect(field('Verification code')).toBeTruthy();
    expect(button('Cancel')).toBeTruthy();
    expect(api.calls.length).toBe(calls);
    expect(iphone.open()).toBe(0);
  });

  it("in Japanese: 「許可する」 on the iPhone, and the refusal in the page's language", async () => {
    const { iphone, chooseLead } = await atTheCode('ja');
    expect(chooseLead).toBe('ご利用の Apple ID は 2 ファクタ認証で保護されています。確認コードを受け取る信頼できるデバイスを選択してください。');
    expect(lead()).toContain('「許可する」をタップしてから');
    await iphone.answer(fail('SIGN_IN_DENIED'));
    expect(lead()).toBe('太郎の iPhone での確認は終了しました。');
    expect(alertText()).toEqual(['信頼できるデバイスでこのサインインが許可されなかったため、サインインは終了しました。ご自身の操作だった場合は、もう一度サインインしてください。']);
  });
});
