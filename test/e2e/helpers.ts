import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import type { TwoStep } from './fixtures.js';

export const DEMO = { appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' } as const;

interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { code: string };
}

/**
 * Calls the account site's API the way its own page does (same origin, JSON, and — once signed
 * in through `signInViaApi` — the session key the page would keep).
 */
export async function siteCall<T>(request: APIRequestContext, twostep: TwoStep, method: string, body: object = {}): Promise<Envelope<T>> {
  const headers: Record<string, string> = { origin: twostep.origin, 'content-type': 'application/json' };
  if (twostep.siteSessionKey) headers['x-twostep-session'] = twostep.siteSessionKey;
  const response = await request.post(`${twostep.origin}/api/site/${method}`, { headers, data: body });
  return (await response.json()) as Envelope<T>;
}

/** Calls the app server's API as its pages do: its own origin, with the launch key. */
export async function appCall<T>(request: APIRequestContext, twostep: TwoStep, method: string, body: object = {}): Promise<Envelope<T>> {
  const response = await request.post(`${twostep.appOrigin}/api/app/${method}`, {
    headers: { origin: twostep.appOrigin, 'content-type': 'application/json', 'x-twostep-key': twostep.launchKey },
    data: body,
  });
  return (await response.json()) as Envelope<T>;
}

/** The newest code the trusted devices received, as the iPhone page would show it (it lives on the app server). */
export async function latestCode(request: APIRequestContext, twostep: TwoStep): Promise<string> {
  type Shown = { id: string; code: string; request?: { decision: string } | null };
  let { value } = await appCall<Shown[]>(request, twostep, 'deviceNotifications');
  expect(value.length).toBeGreaterThan(0);
  // Two-factor: the iPhone asks first; Allow, as its page does, and the code follows.
  if (value[0]!.request?.decision === 'pending') {
    expect((await appCall(request, twostep, 'answerSignInRequest', { requestId: value[0]!.id, allow: true })).ok).toBe(true);
    ({ value } = await appCall<Shown[]>(request, twostep, 'deviceNotifications'));
  }
  return value[0]!.code;
}

/**
 * Signs the demo account in to the account site through its API: the cookie lands in the page's
 * context, and the session key — which the site's page keeps in its origin's storage — is put
 * there for every page of the site this context opens, as if the page had signed in itself.
 */
export async function signInViaApi(page: Page, twostep: TwoStep): Promise<void> {
  const request = page.request;
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(request, twostep, 'signIn', DEMO);
  expect(started.ok).toBe(true);
  const { verificationId, devices } = started.value;
  expect((await siteCall(request, twostep, 'sendCode', { verificationId, deviceId: devices[0]!.id })).ok).toBe(true);
  const code = await latestCode(request, twostep);
  const verified = await siteCall<{ sessionKey: string }>(request, twostep, 'verifyCode', { verificationId, code });
  expect(verified.ok).toBe(true);
  twostep.siteSessionKey = verified.value.sessionKey;
  await page.context().addInitScript(
    ([origin, key]) => {
      if (window.location.origin === origin && !window.localStorage.getItem('twostep.sessionKey')) window.localStorage.setItem('twostep.sessionKey', key);
    },
    [twostep.origin, verified.value.sessionKey] as const,
  );
}

/** After signing in through the site's own page: its session key, for `siteCall` on the same session. */
export async function adoptPageSession(page: Page, twostep: TwoStep): Promise<void> {
  const key = await page.evaluate(() => window.localStorage.getItem('twostep.sessionKey'));
  expect(key).toBeTruthy();
  twostep.siteSessionKey = key!;
}

/**
 * Reads the newest code off the simulated iPhone's lock screen (its own page, or the stage's
 * iPhone), as a person would: one that is still good, not greyed as used, replaced or expired —
 * so a code sent just now is waited for, not mistaken for the one before it (a sign-in through
 * the API leaves its used code on top). With `notAmong`, waits for a code that was not seen before.
 */
export function readCodeFromIPhone(iphone: Page | Locator, notAmong: string[] = []): Promise<string> {
  return readNewestCode(iphone, { good: true, notAmong });
}

/** The code on top of the iPhone's notifications, whatever its state: to wait for a newer one after it. */
export function codeOnTopOfIPhone(iphone: Page | Locator): Promise<string> {
  return readNewestCode(iphone, { good: false, notAmong: [] });
}

async function readNewestCode(iphone: Page | Locator, { good, notAmong }: { good: boolean; notAmong: string[] }): Promise<string> {
  const newest = iphone.getByRole('list', { name: /Notifications|通知/ }).getByRole('listitem').first();
  let code = '';
  await expect(async () => {
    // Two-factor: the iPhone asks "Sign In Requested" first; a person taps Allow to see the code.
    if (good && (await signInRequestOn(iphone).count()) > 0) await allowOnIPhone(iphone);
    if (good) expect(await newest.getAttribute('class')).not.toContain('banner--void');
    // innerText, as it reads on screen: the code stands apart from the time that follows it.
    const text = await newest.innerText();
    code = /(?<!\d)(\d{4}|\d{6})(?!\d)/.exec(text)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(notAmong).not.toContain(code);
  }).toPass({ timeout: 10_000 });
  return code;
}

/**
 * Two-factor authentication: answers "Apple ID Sign In Requested" on the iPhone (its own page or
 * the stage's) as a person would — Allow, then the code read off "Apple ID Verification Code",
 * which it closes with OK. Returns the code.
 */
export async function allowOnIPhone(iphone: Page | Locator): Promise<string> {
  await answerOnIPhone(iphone, 'allow');
  return codeFromAlert(iphone);
}

/** Two-factor, once allowed: the code of "Apple ID Verification Code", read and closed with OK. */
export async function codeFromAlert(iphone: Page | Locator): Promise<string> {
  const alert = iphone.getByRole('alertdialog', { name: /^(Apple ID Verification Code|Apple ID 確認コード)$/ });
  const code = (await alert.getByText(/^\d{6}$/).innerText()).trim();
  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(alert).toBeHidden();
  return code;
}

/** Two-factor: the iPhone's "Apple ID Sign In Requested", answered Allow or Don't Allow (it then closes). */
export async function answerOnIPhone(iphone: Page | Locator, answer: 'allow' | 'deny'): Promise<void> {
  const request = signInRequestOn(iphone);
  await request.getByRole('button', { name: answer === 'allow' ? /^(Allow|許可する)$/ : /^(Don't Allow|許可しない)$/ }).click();
  await expect(request).toBeHidden();
}

function signInRequestOn(iphone: Page | Locator): Locator {
  return iphone.getByRole('alertdialog', { name: /^(Apple ID Sign In Requested|Apple ID サインインが要求されました)$/ });
}

/** The lock screen of Taro's iPhone, open in its own tab of the same browser. */
export async function openIPhone(page: Page, twostep: TwoStep, lang?: 'en' | 'ja'): Promise<Page> {
  const iphone = await page.context().newPage();
  await iphone.goto(twostep.appUrl(`/iphone${lang ? `?lang=${lang}` : ''}`));
  return iphone;
}

/**
 * The tab Create (or Open My Apple ID) opened: it opens empty in the click itself, as popup
 * blockers require, and is pointed at My Apple ID once TwoStep answers — this waits for that.
 */
export async function accountSiteTab(popup: Page, twostep: TwoStep): Promise<Page> {
  await popup.waitForURL((url) => url.origin === twostep.origin);
  await popup.waitForLoadState();
  return popup;
}

/** A window the control center opened as a tab of its own name: empty at first, then pointed at its page. */
export async function appTab(popup: Page, path: string): Promise<Page> {
  await popup.waitForURL((url) => url.pathname === path);
  await popup.waitForLoadState();
  return popup;
}

/** My Apple ID's Manage page → Password and Security, as the seed's author went (「パスワードとセキュリティ」). */
export async function goToPasswordAndSecurity(site: Page, twostep: TwoStep, lang: Lang): Promise<void> {
  await site.goto(`${twostep.origin}/account`);
  await site.getByRole('navigation', { name: t(lang, 'account.sections') }).getByRole('link', { name: t(lang, 'account.security'), exact: true }).click();
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'account.security') })).toBeVisible();
}

/** Tern Mail's "Add Mail Account": the e-mail address (the Apple ID) and a password. */
export async function signInTernMail(mail: Page | Locator, lang: 'en' | 'ja', password: string): Promise<void> {
  await mail.getByLabel(t(lang, 'mailApp.emailAddress'), { exact: true }).fill(DEMO.appleId);
  await mail.getByLabel(t(lang, 'mailApp.password'), { exact: true }).fill(password);
  await mail.getByRole('button', { name: t(lang, 'mailApp.signIn'), exact: true }).click();
}

/** Tern Mail, connected to the IMAP server, showing the INBOX. */
export async function expectTernMailConnected(mail: Page | Locator, lang: 'en' | 'ja'): Promise<void> {
  await expect(mail.getByRole('status')).toHaveText(t(lang, 'mailApp.connected', { appleId: DEMO.appleId }));
}

/** Tern Mail after the server closed its connection: the reason the server gave, and the form again. */
export async function expectTernMailDisconnected(mail: Page | Locator, lang: 'en' | 'ja', reason: string): Promise<void> {
  await expect(mail.getByRole('alert')).toHaveText(t(lang, 'mailApp.ended', { reason }));
  await expect(mail.getByRole('button', { name: t(lang, 'mailApp.signIn'), exact: true })).toBeVisible();
}
