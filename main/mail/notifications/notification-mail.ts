import MailComposer from 'nodemailer/lib/mail-composer';
import type { ActivityEntry } from '../../../preload/contract/models.js';

/**
 * The e-mails Apple sent an Apple ID's address in 2015 when its security changed: an
 * app-specific password created, the password changed, two-step verification turned off — in
 * English or Japanese. Built from the activity entry the change logged (never a secret: the
 * label is the only detail used).
 */
export type NotificationKind = 'app-password-created' | 'password-changed' | 'two-step-off';

export function notificationKind(entry: ActivityEntry): NotificationKind | null {
  if (entry.outcome !== 'success' || entry.appleId === null) return null;
  if (entry.event === 'app-password-created') return 'app-password-created';
  if (entry.event === 'password-changed') return 'password-changed';
  if (entry.event === 'security-level-changed' && entry.detail.to === 'none' && entry.detail.from === 'two-step') return 'two-step-off';
  return null;
}

interface Wording {
  subject: string;
  body: string;
}

const SIGNATURE = {
  en: '\n\nApple\n\n--\nSent by TwoStep, a local simulation not affiliated with Apple. No mail left this computer.\n',
  ja: '\n\nApple\n\n--\nこのメールは TwoStep (Apple とは無関係のローカルなシミュレーション) が送りました。このコンピュータの外には送られていません。\n',
};

function wording(kind: NotificationKind, lang: 'en' | 'ja', appleId: string, label: string, when: string): Wording {
  if (lang === 'ja') {
    switch (kind) {
      case 'app-password-created':
        return {
          subject: 'Apple ID の App 用パスワードが作成されました',
          body: `お客様の Apple ID (${appleId}) で、次のラベルの App 用パスワードが ${when} に作成されました。\n\n  ${label}\n\nこのパスワードを作成した覚えがない場合は、My Apple ID の「パスワードとセキュリティ」で取り消し、パスワードを変更してください。`,
        };
      case 'password-changed':
        return {
          subject: 'Apple ID のパスワードが変更されました',
          body: `お客様の Apple ID (${appleId}) のパスワードが ${when} に変更されました。App 用パスワードはすべて取り消されました。\n\nこの変更に覚えがない場合は、すぐに My Apple ID でパスワードをリセットしてください。`,
        };
      case 'two-step-off':
        return {
          subject: '2 ステップ確認がオフになりました',
          body: `お客様の Apple ID (${appleId}) の 2 ステップ確認が ${when} にオフになりました。App 用パスワードはすべて取り消されました。\n\nこの変更に覚えがない場合は、すぐに My Apple ID でパスワードを変更してください。`,
        };
    }
  }
  switch (kind) {
    case 'app-password-created':
      return {
        subject: 'An app-specific password was created for your Apple ID',
        body: `Dear ${appleId},\n\nThe following app-specific password was created for your Apple ID on ${when}:\n\n  ${label}\n\nIf you did not create this password, revoke it in My Apple ID under Password and Security, and change your password.`,
      };
    case 'password-changed':
      return {
        subject: 'Your Apple ID password was changed',
        body: `Dear ${appleId},\n\nThe password for your Apple ID was changed on ${when}. All of your app-specific passwords were revoked.\n\nIf you did not make this change, reset your password in My Apple ID now.`,
      };
    case 'two-step-off':
      return {
        subject: 'Two-step verification was turned off',
        body: `Dear ${appleId},\n\nTwo-step verification for your Apple ID was turned off on ${when}. All of your app-specific passwords were revoked.\n\nIf you did not make this change, change your password in My Apple ID now.`,
      };
  }
}

/** The notification as RFC 5322 bytes, addressed to the Apple ID. */
export function buildNotificationMail(kind: NotificationKind, entry: ActivityEntry, lang: 'en' | 'ja'): Promise<Buffer> {
  const appleId = entry.appleId ?? '';
  const label = typeof entry.detail.label === 'string' ? entry.detail.label : '';
  const when = new Date(entry.at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'long', timeStyle: 'short' });
  const { subject, body } = wording(kind, lang, appleId, label, when);
  const composer = new MailComposer({
    from: { name: 'Apple', address: 'appleid@id.twostep.example' },
    to: appleId,
    subject,
    text: body + SIGNATURE[lang],
    date: new Date(entry.at),
    messageId: `<notification-${entry.id}-${entry.at}@twostep.example>`,
    headers: { 'Content-Language': lang },
  });
  return new Promise((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));
}
