/**
 * Who the demo account is, as every side names it: main creates it with these, and the pages
 * show its name and its iPhone's in the reader's language (Taro Yamada / 山田 太郎; Taro's
 * iPhone / 太郎の iPhone, as iOS names a phone in each) — the store keeps one spelling, as
 * Apple's did, and the translation is made where it is shown.
 */
export const DEMO_IDENTITY = {
  appleId: 'demo@twostep.example',
  fullName: 'Taro Yamada',
  iphone: "Taro's iPhone",
} as const;
