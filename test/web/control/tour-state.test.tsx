import { describe, expect, it } from 'vitest';
import type { ActivityEntry, SignedInClient } from '../../../preload/contract/models.js';
import { catchUp, levelAt, TOUR_STEPS, type TourFacts, type TourState } from '../../../renderer/control/tour.js';

/** The tour judges its steps by what exists, whichever way the presenter went. */

let id = 1;
const entry = (event: ActivityEntry['event'], source: string, detail: ActivityEntry['detail'] = {}, outcome: ActivityEntry['outcome'] = 'success'): ActivityEntry => ({
  id: id++,
  at: Date.now(),
  appleId: 'demo@twostep.example',
  source,
  event,
  outcome,
  detail,
});
const facts = (activity: ActivityEntry[], more: Partial<TourFacts> = {}): TourFacts => ({
  activity,
  signedIn: [],
  openWindows: null,
  opened: [],
  createLabels: ['iMessage and FaceTime', 'iMessage と FaceTime'],
  ...more,
});
const at = (step: number): TourState => ({ active: true, route: 'seed', step, completed: false, auto: false, opened: [] });
const stepId = (tour: TourState) => TOUR_STEPS[tour.step]!.id;

const MY_APPLE_ID_DONE = [
  entry('verification-required', 'account-site', {}, 'info'),
  entry('code-sent', "Taro's iPhone", { via: 'find-my-iphone', for: 'account-site' }, 'info'),
  entry('code-accepted', 'account-site', { for: 'account-site' }),
  entry('app-password-created', 'account-site', { label: 'iMessage と FaceTime' }),
];

describe('the tour catches up with what exists', () => {
  it('My Apple ID done first: at "Open Messages" it goes straight to using the password', () => {
    expect(stepId(catchUp(at(0), facts(MY_APPLE_ID_DONE)))).toBe('useIt');
  });

  it('stays on "Sign in to My Apple ID" while nothing there is done, however long', () => {
    const signedIn = facts([entry('app-password-required', 'messages', {}, 'failure')], { opened: ['account-site'] });
    expect(stepId(catchUp(at(2), signedIn))).toBe('portalSignIn');
  });

  it('a password with another label is not the one Create asked for', () => {
    const other = facts([...MY_APPLE_ID_DONE.slice(0, 3), entry('app-password-created', 'account-site', { label: 'Mail' })]);
    expect(stepId(catchUp(at(3), other))).toBe('createPassword');
  });

  it('Tern Mail signed in before Messages: from "Sign in to Messages with it", Messages signed in leads past the mail step to View History', () => {
    const tern: SignedInClient = { kind: 'mail', name: 'Tern Mail', protocols: ['imap'], connections: 1, appleId: 'demo@twostep.example', appPasswordLabel: 'Mail', startedAt: 1 };
    const messages: SignedInClient = { kind: 'app', clientKind: 'messages', appleId: 'demo@twostep.example', appPasswordLabel: 'iMessage と FaceTime', startedAt: 2 };
    expect(stepId(catchUp(at(0), facts(MY_APPLE_ID_DONE, { signedIn: [tern] })))).toBe('useIt');
    expect(stepId(catchUp(at(7), facts(MY_APPLE_ID_DONE, { signedIn: [tern, messages] })))).toBe('revoke');
  });

  it('is complete when the last step is done, and never goes back on its own', () => {
    const all = facts([...MY_APPLE_ID_DONE, entry('app-password-revoked', 'account-site', { label: 'Mail' })], {
      signedIn: [{ kind: 'app', clientKind: 'messages', appleId: 'demo@twostep.example', appPasswordLabel: 'x', startedAt: 1 }, { kind: 'mail', name: 'IMAP', protocols: ['imap'], connections: 1, appleId: 'demo@twostep.example', appPasswordLabel: 'Mail', startedAt: 1 }],
    });
    expect(catchUp(at(0), all)).toMatchObject({ completed: true, step: TOUR_STEPS.length - 1 });
    // Back to step 3 by the presenter, with nothing new: it stays where they put it until the state changes.
    const back = at(2);
    expect(catchUp(back, facts([]))).toBe(back);
  });

  it('"Open Messages" is done when the stage shows its window open', () => {
    expect(stepId(catchUp(at(0), facts([], { openWindows: new Set(['messages']) })))).toBe('signIn');
  });
});

describe('Then and now: each sign-in counts for the level the log shows at its time', () => {
  const thenAndNow = (step: number): TourState => ({ active: true, route: 'thenAndNow', step, completed: false, auto: false, opened: [] });
  const thenNowStep = (tour: TourState) => ['thenMessages', 'thenWeb', 'switchLevel', 'nowMessages', 'nowWeb'][tour.step];
  const messagesRefused = () => entry('app-password-required', 'messages', {}, 'failure');
  const myAppleIdCode = () => entry('code-accepted', 'account-site', { for: 'account-site' });
  const toTwoFactor = () => entry('security-level-changed', 'control-center', { from: 'two-step', to: 'two-factor' });
  const toTwoStep = () => entry('security-level-changed', 'control-center', { from: 'two-factor', to: 'two-step' });
  const messagesWithCode = () => entry('sign-in', 'messages', { with: 'password', label: null });

  it('the level at an entry: before any change the first change\'s "from", after one its "to"', () => {
    const early = myAppleIdCode();
    const change = toTwoFactor();
    const late = myAppleIdCode();
    // Newest first, as the control center keeps the log.
    const log = [late, change, early];
    expect(levelAt(early, log)).toBe('two-step');
    expect(levelAt(late, log)).toBe('two-factor');
    expect(levelAt(early, [early])).toBe('two-step');
  });

  it('walks then, the switch, and now in order; a sign-in made before the switch never counts for "now"', () => {
    const then = [messagesRefused(), myAppleIdCode()];
    expect(thenNowStep(catchUp(thenAndNow(0), facts(then)))).toBe('switchLevel');
    const switched = [...then, toTwoFactor()];
    // My Apple ID's code was accepted, but under two-step verification: "now" still waits for Messages, then for My Apple ID again.
    expect(thenNowStep(catchUp(thenAndNow(0), facts(switched)))).toBe('nowMessages');
    expect(thenNowStep(catchUp(thenAndNow(0), facts([...switched, messagesWithCode()])))).toBe('nowWeb');
    expect(catchUp(thenAndNow(0), facts([...switched, messagesWithCode(), myAppleIdCode()]))).toMatchObject({ completed: true, step: 4 });
  });

  it('switched to two-factor before anything was shown: the tour waits at "then" (a sign-in there now is not 2015\'s)', () => {
    const log = [toTwoFactor(), myAppleIdCode(), messagesWithCode()];
    expect(thenNowStep(catchUp(thenAndNow(0), facts(log)))).toBe('thenMessages');
    // Switched back: the refusal of 2015 can be shown, and the tour goes on from there.
    expect(thenNowStep(catchUp(thenAndNow(0), facts([...log, toTwoStep(), messagesRefused()])))).toBe('thenWeb');
  });

  it("the seed's own steps do not satisfy the then-and-now route's, and its steps do not chain", () => {
    // Messages refused and My Apple ID's code (the seed route's start) are "then"; nothing is "now" yet.
    expect(thenNowStep(catchUp(thenAndNow(0), facts(MY_APPLE_ID_DONE)))).toBe('thenMessages');
  });
});
