import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const DEMO = { appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' } as const;

interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { code: string };
}

/** Calls the account site's API the way its own page does (same origin, JSON). */
export async function siteCall<T>(request: APIRequestContext, origin: string, method: string, body: object = {}): Promise<Envelope<T>> {
  const response = await request.post(`${origin}/api/site/${method}`, { headers: { origin, 'content-type': 'application/json' }, data: body });
  return (await response.json()) as Envelope<T>;
}

/** The newest code the trusted devices received, as the iPhone page would show it (it lives on the app server). */
export async function latestCode(request: APIRequestContext, appOrigin: string): Promise<string> {
  const response = await request.post(`${appOrigin}/api/app/deviceNotifications`, { headers: { origin: appOrigin, 'content-type': 'application/json' }, data: {} });
  const { value } = (await response.json()) as Envelope<{ code: string }[]>;
  expect(value.length).toBeGreaterThan(0);
  return value[0]!.code;
}

/** Signs the demo account in to the account site through its API; the cookie lands in `request`'s jar. */
export async function signInViaApi(request: APIRequestContext, origin: string, appOrigin: string): Promise<void> {
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(request, origin, 'signIn', DEMO);
  expect(started.ok).toBe(true);
  const { verificationId, devices } = started.value;
  expect((await siteCall(request, origin, 'sendCode', { verificationId, deviceId: devices[0]!.id })).ok).toBe(true);
  const code = await latestCode(request, appOrigin);
  expect((await siteCall(request, origin, 'verifyCode', { verificationId, code })).ok).toBe(true);
}

/**
 * Reads the newest code off the simulated iPhone's lock screen, as a person would. With
 * `notAmong`, waits for a code that was not seen before (a fresh one).
 */
export async function readCodeFromIPhone(iphone: Page, notAmong: string[] = []): Promise<string> {
  const newest = iphone.getByRole('list', { name: /Notifications|通知/ }).getByRole('listitem').first();
  let code = '';
  await expect(async () => {
    // innerText, as it reads on screen: the code stands apart from the time that follows it.
    const text = await newest.innerText();
    code = /(?<!\d)(\d{4}|\d{6})(?!\d)/.exec(text)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(notAmong).not.toContain(code);
  }).toPass({ timeout: 10_000 });
  return code;
}

/** The lock screen of Taro's iPhone, open in its own tab of the same browser. */
export async function openIPhone(page: Page, appOrigin: string, lang?: 'en' | 'ja'): Promise<Page> {
  const iphone = await page.context().newPage();
  await iphone.goto(`${appOrigin}/iphone${lang ? `?lang=${lang}` : ''}`);
  return iphone;
}
