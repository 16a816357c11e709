import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { detectSite, findPosts, findListedThreads } from './lib/sites/index.ts';
const urls: Record<string,string> = {'discuz-csolbbs-tid38672.html':'https://csolbbs.tiancity.com/forum.php?mod=viewthread&tid=38672','tieba-p8057560733.html':'https://tieba.baidu.com/p/8057560733','weibo-toutiao-Oe6wIynDn.html':'https://weibo.com/1618051664/Oe6wIynDn','zhidao-q1247295277789522099.html':'https://zhidao.baidu.com/question/1247295277789522099.html','douban-movie-comments-36151693.html':'https://movie.douban.com/subject/36151693/comments?status=P','rubychina-topic-43661.html':'https://ruby-china.org/topics/43661','news-people-finance-40232587.html':'http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html','news-sina-qingdao-jibinchang.html':'https://news.sina.com.cn/o/2024-05-16/doc-inavmmfi1968342.shtml','news-163-J22CN60P0514R9KQ.html':'https://www.163.com/dy/article/J22CN60P0514R9KQ.html','news-chinacomcn-huhehaote-117184963.html':'http://news.china.com.cn/2024-05/13/content_117184963.shtml','gov-kepu-changsanjiao-1755244.html':'http://www.kepu.gov.cn/politics/2023-12/01/content_1755244.html'};
for (const f of readdirSync('tests/fixtures/corpus')) {
  const url = urls[f] ?? 'https://example.test/'+f;
  const doc = new JSDOM(readFileSync('tests/fixtures/corpus/'+f,'utf8'), {url}).window.document;
  const t0=performance.now(); const posts = findPosts(doc, url); const t1=performance.now();
  console.log('==', f, JSON.stringify(detectSite(doc,url)), posts.length, 'posts', (t1-t0).toFixed(1),'ms', 'list', findListedThreads(doc,url).length);
  for (const p of posts.slice(0, process.argv[2]?99:4)) console.log('   ', JSON.stringify({...p, text: p.text.slice(0,50)+'…('+p.text.length+')'}));
}
