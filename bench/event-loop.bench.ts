import { monitorEventLoopDelay } from 'node:perf_hooks';
import { IdentityService } from '../main/identity/identity-service.js';
import { round } from './stats.js';

/**
 * The event loop's delay in the process holding the service while 50 sign-ins at the
 * production scrypt cost run at once: hashing happens on libuv's pool, so the loop (which
 * serves the UI's requests) must stay responsive.
 */
export async function eventLoopUnderSignIns(path: string, concurrent: number) {
  const service = await IdentityService.open({ path, seedDemo: false });
  await service.createAccount({ appleId: 'bench@twostep.example', password: 'Bench-Password-1', fullName: 'Bench' });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrent }, (_, i) =>
      service.signInClient({ clientKind: i % 2 ? 'messages' : 'facetime', appleId: 'bench@twostep.example', password: 'Bench-Password-1' }),
    ),
  );
  const wallMs = Date.now() - started;
  histogram.disable();
  service.close();
  const p99 = histogram.percentile(99) / 1e6;
  return {
    concurrent,
    threadPool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
    wallSeconds: round(wallMs / 1000, 1),
    delayMs: { p50: round(histogram.percentile(50) / 1e6), p99: round(p99), max: round(histogram.max / 1e6) },
    goal: 'p99 under 20 ms',
    met: p99 < 20,
  };
}
