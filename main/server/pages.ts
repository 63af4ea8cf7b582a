import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Lang = 'en' | 'ja';

/**
 * The built HTML pages, with the language of the running TwoStep (the presenter's, which every
 * page follows) written into them as a meta tag (no inline script: the CSP forbids it), so a
 * page opens in it without a flash of another. Read at each request (they are small), so a
 * rebuild while the server runs never serves a page whose assets are gone.
 */
export class Pages {
  constructor(
    private readonly root: string,
    private readonly lang: () => Lang,
  ) {}

  async html(page: string): Promise<string | null> {
    let html: string;
    try {
      html = await readFile(join(this.root, page, 'index.html'), 'utf8');
    } catch {
      return null;
    }
    const lang = this.lang();
    const meta = `<meta name="twostep-lang" content="${lang}">`;
    html = html.replace(/<html lang="[^"]*">/, `<html lang="${lang}">`).replace('<head>', `<head>\n    ${meta}`);
    return html;
  }
}
