// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useSupport } from '../../../renderer/site/support/store.js';
import { ALLOWED, heldDecision, STILL_PENDING } from '../iphone-answer.js';
import { ACCOUNT, button, cleanup, click, fail, field, mockSite, renderSite, type } from '../site-harness.js';

/**
 * Under two-factor authentication the trusted iPhone asks Allow / Don't Allow before it shows a
 * code. The page that asked waits for the answer: the lead says the iPhone is asking, then that
 * the code is there; a Don't Allow is said at once, in the page's alert, with nobody touching the
 * page. My Apple ID (where this began) and Apple ID support, on the same origin.
 */
afterEach(async () => {
  await cleanup();
});

const VERIFICATION = 'a'.repeat(32);
const CHALLENGE = { status: 'VERIFICATION_REQUIRED', verificationId: VERIFICATION, devices: ACCOUNT.devices, codeLength: 6, securityLevel: 'two-factor', recoveryKeyAccepted: false };
const ASKING = { deviceId: 1, deviceName: "Taro's iPhone", codeLength: 6, expiresAt: Date.now() + 600_000, awaitsApproval: true };

const ASK_ALLOW = "Taro's iPhone asks whether to allow this sign-in. Tap Allow there, then type the 6-digit code it shows.";
const ALLOWED_LEAD = "Allowed on Taro's iPhone. Type the code it shows.";
const REFUSED = 'This sign-in was not allowed on your trusted device, so it has ended. If it was you, sign in again.';
const CHOOSE_LEAD = 'Your Apple ID is protected with two-factor authentication. Choose a trusted device to receive a verification code.';
const ENDED_LEAD = "The request on Taro's iPhone has ended.";

/** The fake APIs of both pages (the fake answers by method name, whichever path). */
function twoFactorApis() {
  const iphone = heldDecision();
  const api = mockSite({
    session: () => fail('NOT_SIGNED_IN'),
    signIn: () => ({ value: CHALLENGE }),
    sendCode: () => ({ value: ASKING }),
    signInDecision: iphone.wait,
  });
  return { iphone, api };
}

const lead = () => document.querySelector('.card__lead')?.textContent;
const alertText = () => Array.from(document.querySelectorAll('[role="alert"]')).map((a) => a.textContent?.trim() ?? '').filter(Boolean);

/** The lead where the device was chosen: it names today's level. */
let chooseLead: string | null | undefined;

async function passwordThenIPhone(): Promise<void> {
  await type(field('Apple ID'), 'demo@twostep.example');
  await type(field('Password'), 'Twostep-Demo-2015');
  await click(button('Sign In'));
  chooseLead = lead();
  // The trusted devices, the iPhone first: Continue sends to it.
  await click(button('Continue'));
}

const PAGES = [
  {
    name: 'My Apple ID',
    open: async () => {
      await renderSite('/sign-in');
      await passwordThenIPhone();
    },
  },
  {
    name: 'Apple ID support',
    open: async () => {
      useSupport.setState(useSupport.getInitialState(), true);
      await renderSite('/support');
      await click(button('Continue'));
      await passwordThenIPhone();
    },
  },
];

describe.each(PAGES)('$name, two-factor authentication: the iPhone asks first', ({ open }) => {
  it('says the iPhone is asking, waits on its own, and says the code is there once Allow is tapped', async () => {
    const { iphone, api } = twoFactorApis();
    await open();
    expect(chooseLead).toBe(CHOOSE_LEAD);
    expect(lead()).toBe(ASK_ALLOW);
    expect(api.called('signInDecision').map((c) => c.body)).toEqual([{ verificationId: VERIFICATION }]);
    // Main's wait ran out with no answer: the page asks again, still asking.
    await iphone.answer(STILL_PENDING);
    expect(iphone.open()).toBe(1);
    expect(lead()).toBe(ASK_ALLOW);

    await iphone.answer(ALLOWED);
    expect(lead()).toBe(ALLOWED_LEAD);
    expect(iphone.open()).toBe(0);
    expect(alertText()).toEqual([]);
  });

  it("says Don't Allow at once, in its alert, with nobody touching the page", async () => {
    const { iphone, api } = twoFactorApis();
    await open();
    const calls = api.calls.length;
    expect(alertText()).toEqual([]);

    await iphone.answer(fail('SIGN_IN_DENIED'));
    expect(alertText()).toEqual([REFUSED]);
    // No "Tap Allow there" beside the refusal: the request is over.
    expect(lead()).toBe(ENDED_LEAD);
    // The step stays, as after Continue with this error: Start over begins again.
    expect(field('Verification code')).toBeTruthy();
    expect(button('Start over')).toBeTruthy();
    // Heard, not asked for: nothing else was sent, and the page no longer waits.
    expect(api.calls.length).toBe(calls);
    expect(iphone.open()).toBe(0);
  });
});
