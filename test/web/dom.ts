import { act } from 'react';

/**
 * What the component tests do to a page, as a person would: find a field by its label and a
 * button by its name, type, click, press a key, and let React settle afterwards.
 */

/** Runs a synchronous step inside act() and waits for what it set off. */
export async function run(step: () => void): Promise<void> {
  await act(async () => {
    step();
    await Promise.resolve();
  });
}

/** Lets pending fetches, state updates and effects finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function field(label: string): HTMLInputElement {
  const element = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
  const input = element ? document.getElementById(element.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled "${label}"`);
  return input;
}

export function buttons(name: string, within: ParentNode = document): HTMLButtonElement[] {
  return Array.from(within.querySelectorAll('button')).filter((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
}

export function button(name: string, within: ParentNode = document): HTMLButtonElement {
  const found = buttons(name, within);
  if (found.length !== 1) throw new Error(`${found.length} buttons named "${name}"`);
  return found[0]!;
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await run(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await run(() => element.click());
  await settle();
}

export async function press(element: HTMLElement, key: string): Promise<void> {
  await run(() => element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
  await settle();
}
