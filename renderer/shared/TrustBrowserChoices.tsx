import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { TrustAnswered, TrustDecision } from '../../preload/contract/trusted-browsers-types.js';
import { errorMessage } from '../i18n/index.js';
import { useBusyAction } from './use-busy-action.js';

export interface TrustBrowserChoicesProps {
  /** The page's call: its API's decideTrust for the verification just completed. */
  decide: (decision: TrustDecision) => Promise<TrustAnswered>;
  /** Keeps the trust's key half in the page's own origin's storage. */
  keepKey: (key: string) => void;
  /** The question answered (or gone): the page goes on, signed in. */
  done: () => void;
  /** The page's store: a lost session goes back to signing in (null); anything else is shown. */
  failure: (caught: unknown) => ErrorPayload | null;
  /** The page's own button classes. */
  buttonClass: string;
  primaryClass: string;
}

/**
 * The body of "Trust this browser?" (two-factor authentication), shared by My Apple ID and
 * iCloud.com, each in its own frame and buttons: a line on what trusting means, then Apple's
 * three answers in Apple's order — Don't Trust, Not Now, Trust. If the answer cannot be taken
 * (too late, say), the page still goes on signed in: Continue.
 */
export function TrustBrowserChoices({ decide, keepKey, done, failure, buttonClass, primaryClass }: TrustBrowserChoicesProps) {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction(failure);
  const trustRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    trustRef.current?.focus();
  }, []);

  function answer(decision: TrustDecision) {
    void run(async () => {
      const answered = await decide(decision);
      if (answered.trusted) keepKey(answered.trustKey);
      done();
    });
  }

  return (
    <div className="trust-choices" aria-busy={busy || undefined}>
      <p id="trust-lead" className="trust-choices__lead">
        {t('trustedBrowsers.prompt.lead')}
      </p>
      <div role="alert" className={error ? 'trust-choices__error' : 'trust-choices__error trust-choices__error--empty'}>
        {error && errorMessage(error)}
      </div>
      {error ? (
        <div className="trust-choices__actions">
          <button type="button" className={`${buttonClass} ${primaryClass}`} onClick={done}>
            {t('trustedBrowsers.prompt.continue')}
          </button>
        </div>
      ) : (
        <div className="trust-choices__actions" role="group" aria-label={t('trustedBrowsers.prompt.choices')} aria-describedby="trust-lead">
          <button type="button" className={buttonClass} aria-disabled={busy || undefined} onClick={() => answer('dont-trust')}>
            {t('trustedBrowsers.prompt.dontTrust')}
          </button>
          <button type="button" className={buttonClass} aria-disabled={busy || undefined} onClick={() => answer('not-now')}>
            {t('trustedBrowsers.prompt.notNow')}
          </button>
          <button ref={trustRef} type="button" className={`${buttonClass} ${primaryClass}`} aria-disabled={busy || undefined} onClick={() => answer('trust')}>
            {t('trustedBrowsers.prompt.trust')}
          </button>
        </div>
      )}
    </div>
  );
}
