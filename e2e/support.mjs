// What the browser tests (walkthrough.mjs, dashboard.mjs, alumni.mjs) share: the system Chromium,
// a screenshots folder with a log of what the browser complains about, the login of the Camunda
// webapps, and a step runner that prints PASS or FAIL per step and sets the exit code.
//
//   import { BASE_URL, launchChromium, createRun } from './support.mjs';
//   const { step, shot, settle, login, newPage, finish } = createRun({ shots: 'screenshots/x', page: () => page });
//
// Environment: BASE_URL (default http://localhost:8080) and CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** The app under test, without a trailing slash. */
export const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
/** The browser: Debian's Chromium, so that playwright-core downloads none. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The password of every demo user. */
export const PASSWORD = 'demo';

/** Starts the system Chromium headless. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A step name as part of a file name: lower-case words joined by dashes, at most 40 characters. */
export const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

/**
 * One run of a browser test. Empties `shots` and returns the functions that write into it and
 * count the steps; each script calls it once.
 *
 * @param {object} options
 * @param {string} options.shots folder for the numbered screenshots and log.txt
 * @param {() => import('playwright-core').Page | undefined} options.page the page the current step
 *   works on, for the screenshot of a failed step
 * @param {Array<[RegExp, number, string]>} [options.noise] responses expected to fail, as
 *   [path pattern, HTTP status, why]: tagged in the log so that real defects stand out
 * @param {string} [options.noiseLabel] the tag of those log lines
 * @param {boolean} [options.failOnBrowserErrors] console errors that are not noise, and page errors,
 *   are listed at the end and fail the run
 * @param {number} [options.settleMs] how long settle() waits after the network went idle
 * @param {number} [options.idleTimeout] how long settle() waits for the network to go idle
 * @param {object} [options.screenshot] options of every screenshot, e.g. { fullPage: true }
 */
export function createRun({
  shots, page: currentPage, noise = [], noiseLabel = 'known noise', failOnBrowserErrors = false,
  settleMs = 500, idleTimeout = 10_000, screenshot = {},
}) {
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const logFile = path.join(shots, 'log.txt');
  const logLines = [];
  const results = [];
  const problems = [];
  let currentStep = 'setup';
  let shotNo = 0;

  /** Appends a line, tagged with the time and the current step, to log.txt. */
  function log(line) {
    logLines.push(`[${new Date().toISOString()}] [${currentStep}] ${line}`);
    fs.writeFileSync(logFile, logLines.join('\n') + '\n');
  }

  /** Saves a numbered screenshot, e.g. 03-start-form.png, and returns its path. */
  async function shot(page, name, options = {}) {
    shotNo += 1;
    const file = path.join(shots, `${String(shotNo).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, ...screenshot, ...options });
    log(`screenshot ${path.basename(file)}`);
    return file;
  }

  /** The log tag of a failed response that is on the noise list, or ''. */
  function noiseNote(url, status) {
    const hit = noise.find(([re, s]) => s === status && re.test(new URL(url).pathname));
    return hit ? ` [${noiseLabel}: ${hit[2]}]` : '';
  }

  /** Logs the page's console errors, page errors, failed requests and HTTP error responses. */
  function watch(page) {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location()?.url ?? '';
      const status = Number(/status of (\d+)/.exec(msg.text())?.[1]);
      const note = url && status ? noiseNote(url, status) : '';
      if (!note) problems.push(`[${currentStep}] console.error: ${msg.text()}`);
      log(`console.error: ${msg.text()} (${url})${note}`);
    });
    page.on('pageerror', (err) => {
      problems.push(`[${currentStep}] pageerror: ${err.message}`);
      log(`pageerror: ${err.message}`);
    });
    page.on('requestfailed', (req) =>
      log(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('response', async (res) => {
      if (res.status() < 400) return;
      let body = '';
      try {
        body = (await res.text()).replace(/\s+/g, ' ').slice(0, 400);
      } catch {
        // Bodies of redirects and aborted navigations cannot be read; the status is what matters.
      }
      log(`HTTP ${res.status()} ${res.request().method()} ${res.url()} ${body}${noiseNote(res.url(), res.status())}`);
    });
  }

  /**
   * Waits for the network to go idle, or gives up on it, then `ms` more. The Camunda webapps are
   * AngularJS apps that keep polling, so idle is not always reached: a step waits for what it
   * expects to see, and settles only to let the page finish drawing.
   */
  async function settle(page, ms = settleMs) {
    await page.waitForLoadState('networkidle', { timeout: idleTimeout }).catch(() => {});
    await page.waitForTimeout(ms);
  }

  /**
   * Logs in on the form any of the Camunda webapps shows when there is no session. `waitBeforeTyping`
   * settles that long first, for a form that is drawn again while the app boots (typing is lost).
   */
  async function login(page, url, user, { waitBeforeTyping = 0 } = {}) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const form = page.locator('form[name="signinForm"]');
    await form.waitFor({ timeout: 20_000 });
    if (waitBeforeTyping) await settle(page, waitBeforeTyping);
    await form.locator('input[type="text"]').fill(user);
    await form.locator('input[type="password"]').fill(PASSWORD);
    await form.locator('button[type="submit"]').click();
    await settle(page);
  }

  /**
   * A watched page in a browser context of its own (one per person, so that no session leaks from
   * one to the next): 1400x950, en-US unless `options` say otherwise.
   */
  async function newPage(browser, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale: 'en-US', ...options });
    const page = await context.newPage();
    watch(page);
    return { context, page };
  }

  /**
   * Runs one step: `fn` returns a short description of what it saw, or throws to fail the step,
   * which then gets a screenshot of its own. Prints PASS (with the duration) or FAIL.
   */
  async function step(name, fn) {
    currentStep = name;
    const started = Date.now();
    try {
      const detail = await fn();
      results.push({ name, ok: true });
      console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)${detail ? `: ${detail}` : ''}`);
      log(`PASS ${detail ?? ''}`);
    } catch (err) {
      results.push({ name, ok: false });
      console.log(`FAIL ${name}: ${String(err?.message ?? err).split('\n')[0]}`);
      log(`FAIL ${err?.stack ?? err}`);
      const page = currentPage();
      if (page) await shot(page, `${slug(name)}-FAILED`).catch(() => {});
    }
  }

  /** Prints the tally and where the screenshots are, and exits: 1 when a step failed. */
  function finish() {
    const counted = failOnBrowserErrors ? problems : [];
    if (counted.length) console.log(`browser errors:\n  ${counted.join('\n  ')}`);
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed${counted.length ? `, ${counted.length} browser errors` : ''}`);
    console.log(`screenshots and log: ${shots}`);
    process.exit(failed || counted.length ? 1 : 0);
  }

  return { log, shot, watch, settle, login, newPage, step, finish };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bpmn': 'application/xml', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff' };

/**
 * A read-only server of the folder `root` on 127.0.0.1 (a free port), for the checks that need no
 * app: `extra` maps URL paths to XML served instead of a file (a copy broken in memory); with
 * `listFolders`, a folder answers with the JSON array of its names. Returns the server and its base URL.
 */
export async function serveFolder(root, { extra = {}, listFolders = false } = {}) {
  const server = http.createServer((req, res) => {
    const send = (status, body, type = 'text/plain') => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'read-only');
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (urlPath in extra) return send(200, extra[urlPath], 'application/xml');
    const file = path.resolve(root, `.${urlPath}`);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'outside the folder');
    fs.stat(file, (err, stat) => {
      if (err) return send(404, 'not found');
      if (stat.isDirectory() && listFolders) return send(200, JSON.stringify(fs.readdirSync(file)), 'application/json');
      if (!stat.isFile()) return send(404, 'not found');
      fs.readFile(file, (e, data) => (e ? send(500, e.message) : send(200, data, TYPES[path.extname(file)] ?? 'application/octet-stream')));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}
