import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const f = process.argv[2]!; const sel = process.argv.slice(3);
const doc = new JSDOM(readFileSync('tests/fixtures/corpus/'+f,'utf8')).window.document;
for (const s of sel) { const els = doc.querySelectorAll(s); console.log(`## ${s}: ${els.length}`); els.forEach((e,i)=>{ if(i<12) console.log('  ', e.tagName, e.id, (e.getAttribute('class')??'').slice(0,60), '|', (e.textContent??'').replace(/\s+/g,' ').trim().slice(0,100), e.getAttribute('title')??'')}); }
