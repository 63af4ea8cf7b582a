/**
 * Who the demo account is, as every side names it: main creates it with these, and the pages
 * show its name in the reader's language (Taro Yamada / 山田 太郎) — the store keeps one
 * spelling, as Apple's did, and the translation is made where it is shown.
 */
export const DEMO_IDENTITY = {
  appleId: 'demo@twostep.example',
  fullName: 'Taro Yamada',
} as const;
