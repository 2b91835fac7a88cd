/**
 * Regenerates lib/inspection/package-lists.ts from the local registry snapshots (no network):
 *   npx tsx test/corpus/inspection/tools/build-package-lists.ts /work/.library/env/packages
 * popular: the most-downloaded npm names (plus well-known user-facing ones) and the top PyPI names.
 * lookalikeAllow: genuinely popular packages that sit within edit distance 2 of a popular name (e.g. preact/react),
 * so the typosquat check does not flag them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damerauLevenshtein, stripSeparators } from '../../../../lib/inspection/typosquat';

const dir = process.argv[2] ?? '/work/.library/env/packages';

const NPM_EXTRA = `react react-dom vue angular @angular/core svelte next nuxt express koa fastify hapi lodash underscore axios
request node-fetch got superagent moment dayjs date-fns luxon jquery bootstrap tailwindcss webpack vite rollup parcel
esbuild babel-loader typescript ts-node tsx nodemon pm2 jest mocha chai vitest cypress playwright puppeteer eslint
prettier electron socket.io ws mongoose mongodb mysql mysql2 pg sequelize prisma typeorm knex redis ioredis dotenv
cross-env commander yargs chalk colors inquirer ora uuid nanoid bcrypt bcryptjs jsonwebtoken passport cors helmet
body-parser cookie-parser multer morgan winston pino debug rimraf mkdirp glob fs-extra graceful-fs shelljs execa
classnames styled-components @emotion/react redux react-redux @reduxjs/toolkit mobx zustand react-router
react-router-dom @tanstack/react-query swr formik yup zod joi ajv discord.js telegraf openai langchain three d3
chart.js leaflet sharp jimp canvas cheerio jsdom marked markdown-it highlight.js handlebars ejs pug nunjucks
mustache sass less postcss autoprefixer serve http-server live-server concurrently npm-run-all husky lint-staged
semantic-release lerna nx turbo npm yarn pnpm bun deno coffee-script coffeescript gulp grunt browserify bower
karma jasmine sinon nock supertest faker @faker-js/faker xlsx papaparse csv-parse pdfkit nodemailer twilio stripe
aws-sdk firebase firebase-admin googleapis graphql apollo-server @apollo/client ethers web3 crypto-js
node-sass sass-loader css-loader style-loader file-loader url-loader html-webpack-plugin copy-webpack-plugin
terser uglify-js core-js regenerator-runtime rxjs immutable ramda bluebird async q qs query-string
validator xss sanitize-html dompurify isomorphic-fetch cross-fetch form-data busboy formidable compression
http-proxy-middleware http-proxy express-session connect-redis jose keytar serialport johnny-five
vue-router vuex pinia preact solid-js lit alpinejs htmx.org`;

function parseTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

const npmRows = parseTsv(join(dir, 'npm.tsv'));
const npmByDownloads = npmRows
  .map((r) => ({ name: r[0]!, downloads: Number(r[2] ?? 0) }))
  .filter((r) => r.downloads > 0)
  .sort((a, b) => b.downloads - a.downloads);
const npmPopular = new Set<string>();
for (const r of npmByDownloads) {
  if (npmPopular.size >= 220) break;
  if (r.name.startsWith('@') || !/^[a-z0-9][a-z0-9._-]*$/.test(r.name)) continue;
  npmPopular.add(r.name);
}
for (const n of NPM_EXTRA.split(/\s+/).filter(Boolean)) if (!n.startsWith('@')) npmPopular.add(n);

const pypiRows = parseTsv(join(dir, 'pypi.tsv'));
const pypiRanked = pypiRows
  .filter((r) => r[3])
  .map((r) => ({ name: r[0]!.toLowerCase().replace(/[-_.]+/g, '-'), rank: Number(r[3]) }))
  .sort((a, b) => a.rank - b.rank);
const PYPI_EXTRA = 'django flask requests numpy pandas scipy matplotlib seaborn scikit-learn tensorflow torch torchvision keras opencv-python pillow beautifulsoup4 selenium scrapy sqlalchemy psycopg2 pymysql celery pytest black flake8 pylint mypy jupyter notebook ipython streamlit gradio fastapi uvicorn pydantic httpx aiohttp boto3 openai anthropic langchain transformers nltk spacy gensim xgboost lightgbm catboost plotly dash bokeh sympy networkx python-dateutil pytz pyyaml toml colorama termcolor tqdm click typer rich loguru python-dotenv cryptography pycryptodome paramiko fabric ansible docker kubernetes redis pymongo elasticsearch jinja2 markdown pygments twine setuptools wheel pip virtualenv poetry pipenv'.split(' ');
const pypiPopular = new Set<string>();
for (const r of pypiRanked) {
  if (pypiPopular.size >= 300) break;
  pypiPopular.add(r.name);
}
for (const n of PYPI_EXTRA) pypiPopular.add(n);

function nearPopular(name: string, popular: Set<string>): boolean {
  if (popular.has(name) || name.length < 4) return false;
  for (const p of popular) {
    if (Math.abs(p.length - name.length) > 2) continue;
    const d = damerauLevenshtein(name, p, 2);
    if (d <= 2 || stripSeparators(name) === stripSeparators(p)) return true;
  }
  return false;
}

const npmAllow = npmByDownloads
  .filter((r) => r.downloads >= 300_000 && !r.name.startsWith('@'))
  .map((r) => r.name)
  .filter((n) => nearPopular(n, npmPopular));
const pypiAllow = pypiRanked.map((r) => r.name).filter((n) => nearPopular(n, pypiPopular));

const fmt = (xs: Iterable<string>) => {
  const words = [...xs].sort();
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if ((line + ' ' + w).length > 110) {
      lines.push(line);
      line = w;
    } else line = line ? line + ' ' + w : w;
  }
  if (line) lines.push(line);
  return '`\n' + lines.join('\n') + '\n`';
};

const out = `/**
 * Popular npm and PyPI package names for the offline typosquat check, and popular look-alikes that are legitimate.
 * Generated by test/corpus/inspection/tools/build-package-lists.ts from local registry snapshots; do not edit by hand.
 */

const words = (s: string): string[] => s.split(/\\s+/).filter(Boolean);

export const POPULAR_NPM: ReadonlySet<string> = new Set(words(${fmt(npmPopular)}));

export const POPULAR_PYPI: ReadonlySet<string> = new Set(words(${fmt(pypiPopular)}));

/** Real, widely used packages that happen to be close to a popular name. */
export const LOOKALIKE_ALLOW_NPM: ReadonlySet<string> = new Set(words(${fmt(npmAllow)}));

export const LOOKALIKE_ALLOW_PYPI: ReadonlySet<string> = new Set(words(${fmt(pypiAllow)}));
`;
writeFileSync(join(import.meta.dirname, '../../../../lib/inspection/package-lists.ts'), out);
console.log(`npm popular ${npmPopular.size}, pypi popular ${pypiPopular.size}, npm allow ${npmAllow.length}, pypi allow ${pypiAllow.length}`);
