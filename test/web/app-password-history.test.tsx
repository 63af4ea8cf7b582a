// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AppPasswordView } from '../../preload/contract/models.js';
import { ACCOUNT, button, buttons, cleanup, click, mockSite, renderSite } from './site-harness.js';

afterEach(cleanup);

const MESSAGES: AppPasswordView = {
  id: 1,
  label: 'iMessage and FaceTime',
  createdAt: Date.UTC(2015, 5, 1),
  lastUsedAt: Date.UTC(2015, 5, 2),
  lastUsedBy: 'messages',
  revokedAt: null,
  usedAfterRevocation: null,
};
const MAIL: AppPasswordView = { id: 2, label: 'Mail', createdAt: Date.UTC(2015, 5, 3), lastUsedAt: null, lastUsedBy: null, revokedAt: null, usedAfterRevocation: null };

describe('View History', () => {
  it('asks for confirmation before Delete revokes a password', async () => {
    let list = [MESSAGES, MAIL];
    const api = mockSite({
      session: () => ({ value: { account: ACCOUNT } }),
      listAppPasswords: () => ({ value: list }),
      revokeAppPassword: (body) => {
        list = list.filter((p) => p.id !== body.appPasswordId);
        return { value: { signedOutApps: 1 } };
      },
    });
    await renderSite('/account/app-passwords');

    const table = document.querySelector('table[aria-label="App-specific passwords"]')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    const row = Array.from(table.querySelectorAll('tbody tr')).find((r) => r.textContent?.includes('iMessage and FaceTime'))!;

    await click(button('Delete', row));
    let dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('iMessage and FaceTime');
    expect(document.activeElement).toBe(button('Cancel', dialog));
    expect(api.called('revokeAppPassword')).toHaveLength(0);

    await click(button('Cancel', dialog));
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(api.called('revokeAppPassword')).toHaveLength(0);

    await click(button('Delete', row));
    dialog = document.querySelector('[role="alertdialog"]')!;
    await click(button('Delete', dialog));

    expect(api.called('revokeAppPassword').map((c) => c.body)).toEqual([{ appPasswordId: 1 }]);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.querySelectorAll('table tbody tr')).toHaveLength(1);
    expect(buttons('Revoke All')).toHaveLength(1);
  });

  it('shows a revoked password that an app still tries: which app, how often, and that it cannot lock the account; no Delete on it', async () => {
    const fetchmail: AppPasswordView = {
      id: 3,
      label: 'fetchmail on the server',
      createdAt: Date.UTC(2015, 5, 1),
      lastUsedAt: Date.UTC(2015, 5, 2),
      lastUsedBy: 'IMAP',
      revokedAt: Date.UTC(2015, 5, 4),
      usedAfterRevocation: { at: Date.UTC(2015, 5, 4, 0, 10), by: 'IMAP', times: 40 },
    };
    mockSite({ session: () => ({ value: { account: ACCOUNT } }), listAppPasswords: () => ({ value: [fetchmail] }) });
    await renderSite('/account/app-passwords');
    const row = Array.from(document.querySelectorAll('table tbody tr')).find((r) => r.textContent?.includes('fetchmail on the server'))!;
    expect(row.className).toBe('history__revoked');
    expect(row.textContent).toMatch(/Used after revocation by IMAP: 40 tries refused, the last /);
    expect(buttons('Delete', row)).toHaveLength(0);
    expect(document.body.textContent).toContain('Each try is refused and does not count against your Apple ID');
    // None is active: the list says so, and Revoke All has nothing to revoke.
    expect(document.body.textContent).toContain('No app-specific password is active.');
    expect(buttons('Revoke All')).toHaveLength(0);
  });
});
