import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Lang = 'en' | 'ja';

/**
 * The built HTML pages, read once, with the default language the server was started with
 * written into them as a meta tag (no inline script: the CSP forbids it).
 */
export class Pages {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly lang: Lang,
  ) {}

  async html(page: string): Promise<string | null> {
    const cached = this.cache.get(page);
    if (cached) return cached;
    let html: string;
    try {
      html = await readFile(join(this.root, page, 'index.html'), 'utf8');
    } catch {
      return null;
    }
    const meta = `<meta name="twostep-lang" content="${this.lang}">`;
    html = html.replace(/<html lang="[^"]*">/, `<html lang="${this.lang}">`).replace('<head>', `<head>\n    ${meta}`);
    this.cache.set(page, html);
    return html;
  }
}
