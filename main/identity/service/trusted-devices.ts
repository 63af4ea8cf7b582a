import type { PhoneVerification } from '../../../preload/contract/account-site-types.js';
import type { AccountView } from '../../../preload/contract/models.js';
import { IdentityError } from '../identity-error.js';
import { accountView, siteAccount } from './account-site.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { withCurrentPassword } from './step-up.js';
import { acceptCode, openVerification, sendCodeToNewNumber, startVerification } from './verification.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { VerificationRow } from '../store/verifications-repo.js';

const SOURCE = 'account-site';

/** Two ways of writing one number (spaces, dashes, brackets) are the same number. */
function digitsOf(phoneNumber: string): string {
  return phoneNumber.replace(/\D/g, '');
}

/**
 * Add a trusted phone number: after the current password (step-up), a code goes by SMS to the
 * new number, and the number is trusted only once that code is typed — so nobody can add a
 * number they do not hold.
 */
export function addTrustedPhone(ctx: ServiceContext, token: string, phoneNumber: string, currentPassword: string): Promise<PhoneVerification> {
  return withCurrentPassword(ctx, token, currentPassword, (tx, account) => {
    // Stryker disable next-line ConditionalExpression: equivalent — a device's name (an iPhone's) never holds a valid number's digits
    if (ctx.repos.devices.forAccount(account.id).some((d) => d.kind === 'phone' && digitsOf(d.name) === digitsOf(phoneNumber))) {
      throw tx.refuse(new IdentityError('PHONE_ALREADY_TRUSTED'));
    }
    const { verificationId } = startVerification(ctx, tx, account, 'add-phone', phoneNumber);
    const sent = sendCodeToNewNumber(ctx, tx, ctx.repos.verifications.get(verificationId)!);
    return { verificationId, phoneNumber, codeLength: sent.codeLength, expiresAt: sent.expiresAt };
  });
}

/** The add-phone verification of this session's account, or VERIFICATION_NOT_FOUND. */
function ownPhoneVerification(ctx: ServiceContext, tx: Tx, account: AccountRow, verificationId: string): VerificationRow {
  const verification = openVerification(ctx, tx, verificationId, ['add-phone']);
  if (verification.account_id !== account.id) throw tx.refuse(new IdentityError('VERIFICATION_NOT_FOUND'));
  return verification;
}

export function resendTrustedPhoneCode(ctx: ServiceContext, token: string, verificationId: string): PhoneVerification {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    const verification = ownPhoneVerification(ctx, tx, account, verificationId);
    const sent = sendCodeToNewNumber(ctx, tx, verification);
    return { verificationId, phoneNumber: verification.phone_number!, codeLength: sent.codeLength, expiresAt: sent.expiresAt };
  });
}

/** The code from the new number: now it is trusted. */
export function confirmTrustedPhone(ctx: ServiceContext, token: string, verificationId: string, code: string): AccountView {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    const verification = ownPhoneVerification(ctx, tx, account, verificationId);
    acceptCode(ctx, tx, verification, code, SOURCE);
    ctx.repos.devices.insert(account.id, 'phone', verification.phone_number!, tx.now);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'trusted-device-added', outcome: 'success', detail: { kind: 'phone' } });
    return accountView(ctx, ctx.repos.accounts.get(account.id));
  });
}

/** Remove a trusted device, after the current password; the last phone number stays while two-step is on. */
export function removeTrustedDevice(ctx: ServiceContext, token: string, deviceId: number, currentPassword: string): Promise<AccountView> {
  return withCurrentPassword(ctx, token, currentPassword, (tx, account) => {
    const devices = ctx.repos.devices.forAccount(account.id);
    const device = devices.find((d) => d.id === deviceId);
    if (!device) throw tx.refuse(new IdentityError('TRUSTED_DEVICE_NOT_FOUND'));
    const phonesLeft = devices.filter((d) => d.kind === 'phone' && d.id !== deviceId).length;
    // Stryker disable next-line ConditionalExpression: equivalent for device.kind — under two-step a phone number is always left when another device goes
    if (account.security_level !== 'none' && device.kind === 'phone' && phonesLeft === 0) {
      throw tx.refuse(new IdentityError('LAST_TRUSTED_PHONE'));
    }
    ctx.repos.devices.delete(device.id);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'trusted-device-removed', outcome: 'success', detail: { kind: device.kind } });
    return accountView(ctx, account);
  });
}
