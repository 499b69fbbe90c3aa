import { readFileSync } from 'node:fs'; import { gzipSync } from 'node:zlib';
import { minifySync } from '/work/main/node_modules/.pnpm/rolldown@1.2.19/node_modules/rolldown/dist/utils-index.mjs';
const code = readFileSync(process.argv[2], 'utf8');
const min = minifySync('x.js', code, { module: true, compress: true, mangle: true }).code;
console.log('full-min gz', gzipSync(min, { level: 9 }).length, 'raw', min.length);
