import { build } from 'vite'; import { gzipSync } from 'node:zlib';
const r = await build({ configFile: false, logLevel: 'silent', root: '/work/main', build: { write: false, minify: true, lib: { entry: '/work/main/packages/elements/src/define/peeker-domain-picker.ts', formats: ['es'], fileName: 'x' } } });
const chunk = (Array.isArray(r) ? r[0] : r).output.find(o => o.type === 'chunk');
console.log('gz', gzipSync(chunk.code, { level: 9 }).length, 'raw', chunk.code.length);
if (process.env.OUT) (await import('node:fs')).writeFileSync(process.env.OUT, chunk.code);
for (const [id, m] of Object.entries(chunk.modules).sort((a,b)=>b[1].renderedLength-a[1].renderedLength).slice(0,+(process.env.N||25))) console.log(m.renderedLength, id.replace('/work/main/',''));
