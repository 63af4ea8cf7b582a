import { performance } from 'node:perf_hooks';
import { startBrowserMode } from './browser-mode-process.js';
import { round } from './stats.js';

/**
 * Browser mode as a user starts it (production scrypt cost, a new store): time until the
 * account site first answers, resident memory when idle and while 50 sign-ins run at once.
 */
export async function browserMode(concurrent: number) {
  const started = performance.now();
  const running = await startBrowserMode();
  const origin = running.site;
  try {
    let firstAnswerMs = 0;
    for (;;) {
      try {
        const response = await fetch(`${origin}/account`);
        if (response.ok) {
          firstAnswerMs = performance.now() - started;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const idle = running.rssMb();
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, running.rssMb())), 20);
    const signIn = () =>
      fetch(`${origin}/api/site/signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' }),
      }).then((r) => r.json());
    const loadStart = performance.now();
    await Promise.all(Array.from({ length: concurrent }, signIn));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    clearInterval(sampler);
    return {
      firstAnswerMs: round(firstAnswerMs, 0),
      rssMb: { idle, underLoad: peak },
      load: `${concurrent} account-site sign-ins at once (production scrypt cost): ${round(loadSeconds, 1)} s`,
    };
  } finally {
    running.stop();
  }
}
