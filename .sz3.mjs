import { build } from 'vite'; import { gzipSync } from 'node:zlib';
import { minifySync } from '/work/main/node_modules/.pnpm/rolldown@1.2.19/node_modules/rolldown/dist/utils-index.mjs';
const r = await build({ configFile: false, logLevel: 'silent', root: '/work/main', build: { write: false, minify: true, lib: { entry: '/work/main/packages/elements/src/define/peeker-domain-picker.ts', formats: ['es'], fileName: 'x' } } });
const chunk = (Array.isArray(r) ? r[0] : r).output.find(o => o.type === 'chunk');
console.log('gz', gzipSync(chunk.code, { level: 9 }).length, 'raw', chunk.code.length);
const rows=[];
for (const [id, m] of Object.entries(chunk.modules)) { if(!m.code) continue; let min; try { min = minifySync('a.js', m.code.replace(/^export .*$/mg,''), {module:false, compress:true, mangle:{toplevel:false}}).code; } catch(e){ min=m.code; }
 rows.push([gzipSync(min,{level:9}).length, min.length, id.replace(/.*node_modules\/.pnpm\//,'').replace('/work/main/packages/','')]); }
rows.sort((a,b)=>b[0]-a[0]); let s=0; for (const r of rows) { s+=r[0]; } console.log('sum gz', s);
for (const r of rows.slice(0, +(process.env.N||40))) console.log(r.join('\t'));
