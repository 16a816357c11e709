import { readdirSync, readFileSync } from 'node:fs';
import { buildAutomaton } from './lib/match/automaton.ts';
import { foldPattern } from './lib/match/fold.ts';
import { compileWatchlist } from './lib/match/index.ts';
import mod from './tests/bench/match.bench.ts';
// reuse builders by copy
const SIZE = 1<<20;
let text=''; for (const f of readdirSync('tests/fixtures/corpus').sort()) text += readFileSync('tests/fixtures/corpus/'+f,'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g,'').replace(/<[^>]+>/g,'').replace(/&[a-z#0-9]+;/g,'').replace(/\s+/g,' ');
const han = text.replace(/[^\u4e00-\u9fff，。、：；！？“”（） 0-9]/g,''); let t=''; while(t.length<SIZE) t+=han; t=t.slice(0,SIZE);
console.log('han length', han.length);
const terms=new Set<string>(); let s=1; const rnd=()=>{s=(s*16807)%2147483647; return s/2147483647};
while(terms.size<1000){const len=2+Math.floor(rnd()*4); const at=Math.floor(rnd()*(t.length-len)); const x=t.slice(at,at+len); if(/^[\u4e00-\u9fff]+$/.test(x)) terms.add(x);}
const a = buildAutomaton([...terms].map(foldPattern));
for (let i=0;i<5;i++){const t0=performance.now(); const r=a.scanRaw(t); const t1=performance.now(); console.log('raw', (t1-t0).toFixed(1), r.length/3);}
const c = compileWatchlist([...terms].map(term=>({term,kind:'topic'})));
for (let i=0;i<3;i++){const t0=performance.now(); const r=c.scan(t); console.log('scan', (performance.now()-t0).toFixed(1), r.length);}
let n=0; for (let i=0;i<3;i++){const t0=performance.now(); for(let j=0;j<t.length;j++) n+=t.charCodeAt(j); console.log('loop', (performance.now()-t0).toFixed(1));}
