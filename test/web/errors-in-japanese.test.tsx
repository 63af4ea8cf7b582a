// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { button, cleanup, click, fail, field, mockSite, renderSite, type } from './site-harness.js';

afterEach(cleanup);

describe('errors in the chosen language', () => {
  it('shows the service’s error in Japanese next to the form and marks the wrong field', async () => {
    let answer = fail('INCORRECT');
    mockSite({ session: () => fail('NOT_SIGNED_IN'), signIn: () => answer });
    await renderSite('/sign-in?lang=ja', 'ja');

    expect(document.documentElement.lang).toBe('ja');
    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('パスワード'), 'wrong password');
    await click(button('サインイン'));

    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Apple ID またはパスワードが正しくありません。');
    expect(document.body.textContent).not.toContain('INCORRECT');
    const password = field('パスワード');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(alert!.id);

    answer = fail('LOCKED', { minutes: 5, until: Date.now() + 300_000 });
    await click(button('サインイン'));
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'この Apple ID はセキュリティ上の理由でロックされています。5 分後にもう一度お試しください。',
    );
  });
});
