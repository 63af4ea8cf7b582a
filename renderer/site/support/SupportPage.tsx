import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_TOPICS, type SupportTopic } from '../../../preload/contract/places-types.js';
import { errorMessage } from '../../i18n/index.js';
import { Card } from '../components/Layout.js';
import { SupportSignIn } from './SupportSignIn.js';
import { SupportVerified } from './SupportVerified.js';
import { useSupport } from './store.js';

/**
 * Apple ID support: choose what you need help with, then prove who you are (the password, and a
 * code from a trusted device) before support talks about the account. Its session is its own:
 * being signed in to My Apple ID does not skip it, as Apple's FAQ lists support as a place of
 * its own.
 */
export function SupportPage() {
  const step = useSupport((s) => s.step);
  const load = useSupport((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (step === 'loading') return <SupportLoading />;
  if (step === 'verified') return <SupportVerified />;
  if (step === 'sign-in') return <SupportSignIn />;
  return <TopicStep />;
}

function SupportLoading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function TopicStep() {
  const { t } = useTranslation();
  const topic = useSupport((s) => s.topic);
  const notice = useSupport((s) => s.notice);
  const chooseTopic = useSupport((s) => s.chooseTopic);
  const toSignIn = useSupport((s) => s.toSignIn);
  const [chosen, setChosen] = useState<SupportTopic>(topic);

  function submit(event: FormEvent) {
    event.preventDefault();
    chooseTopic(chosen);
    toSignIn();
  }

  return (
    <Card title={t('places.support.title')}>
      <p className="card__lead">{t('places.support.intro')}</p>
      {notice && (
        <p role="alert" className="form-error">
          {errorMessage(notice)}
        </p>
      )}
      <form className="form" onSubmit={submit}>
        <fieldset className="device-list support-topics">
          <legend className="device-list__legend">{t('places.support.topicsLegend')}</legend>
          {SUPPORT_TOPICS.map((value) => (
            <label key={value} className="device-option">
              <input type="radio" name="topic" value={value} checked={chosen === value} onChange={() => setChosen(value)} />
              <span className="device-option__text">
                <span className="device-option__name">{t(`places.support.topics.${value}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('common.continue')}
          </button>
        </div>
      </form>
    </Card>
  );
}
