import { writeFileSync } from 'node:fs';
import { CORPUS_URLS, GOLDEN_NOW, goldenPath, loadCorpusPage } from './tests/unit/sites/corpus-pages.ts';
import { detectSite, findPostElements, toPostData } from './lib/sites/index.ts';
for (const file of Object.keys(CORPUS_URLS)) {
  const { doc, url } = loadCorpusPage(file);
  const posts = findPostElements(doc, url, { now: GOLDEN_NOW }).map(toPostData);
  writeFileSync(goldenPath(file), JSON.stringify({ page: detectSite(doc, url), posts }, null, 2) + '\n');
}
