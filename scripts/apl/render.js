#!/usr/bin/env node
// Draws APL RenderDocument directives with Amazon's web renderer, apl-viewhost-web 1.4.0, in
// Debian's headless Chromium driven by playwright-core, and reports what it drew.
// Usage: node render.js < jobs.json
//   jobs.json: [{"directive": {...}, "viewport": {width, height, dpi, shape, mode}, "out": "x.png" | null}]
//   (width and height in pixels; dp = px * 160 / dpi)
// Output: one JSON array, per job: {ok, error, errors, text, aplVersion, graphics, ink: [{kind, what, x, y, w, h}],
//   console (errors the page logged), refused (requests that were not let out)}.
//
// Nothing leaves the machine: the page and the bundle are served from 127.0.0.1 and every
// other request is refused, except the renderer's @font-face requests for Amazon Ember and
// Bookerly, which are answered with Debian's Liberation fonts (stand-ins of similar metrics,
// not Amazon's fonts). CHROMIUM names the browser (default /usr/bin/chromium).
"use strict";
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const FILES = {
  "/viewhost.html": [path.join(__dirname, "viewhost.html"), "text/html; charset=utf-8"],
  // The bundle holds non-ASCII regular expressions: served as anything but UTF-8 it fails to parse.
  "/viewhost.js": [require.resolve("apl-viewhost-web/index.js"), "text/javascript; charset=utf-8"],
};
const FONTS = "/usr/share/fonts/truetype/liberation";

function serve() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const file = FILES[req.url.split("?")[0]];
      if (!file) { res.statusCode = 404; return res.end(); }
      res.setHeader("content-type", file[1]);
      fs.createReadStream(file[0]).pipe(res);
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function standIn(url) {
  const name = path.basename(new URL(url).pathname);
  if (!/\.ttf$/i.test(name)) return null;
  const family = /Bookerly/i.test(name) ? "Serif" : "Sans";
  const bold = /(Bd|Bold|Md|Medium)/i.test(name);
  const italic = /Italic/i.test(name);
  const style = bold && italic ? "BoldItalic" : bold ? "Bold" : italic ? "Italic" : "Regular";
  const file = path.join(FONTS, `Liberation${family}-${style}.ttf`);
  return fs.existsSync(file) ? file : null;
}

async function main() {
  const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kaizen-screens-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    deviceScaleFactor: 1,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  const refused = [];
  await context.route((url) => !url.href.startsWith(base + "/"), (route) => {
    const font = standIn(route.request().url());
    if (font) return route.fulfill({ path: font, contentType: "font/ttf", headers: { "access-control-allow-origin": "*" } });
    refused.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  const console_ = [];
  page.on("console", (m) => { if (m.type() === "error") console_.push(m.text()); });
  page.on("pageerror", (e) => console_.push(e.message));
  await page.goto(`${base}/viewhost.html`);
  const results = [];
  try {
    for (const job of jobs) {
      console_.length = 0;
      const vp = job.viewport;
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const { document, datasources } = job.directive;
      const result = await page.evaluate((o) => window.renderApl(o), { document, datasources, viewport: vp });
      if (job.out && result.ok) {
        fs.mkdirSync(path.dirname(job.out), { recursive: true });
        await page.locator("#apl").screenshot({ path: job.out, omitBackground: vp.shape === "round" });
      }
      results.push({ ...result, console: [...console_], refused: [...refused] });
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(2);
});
