#!/usr/bin/env node
// Validates APL RenderDocument directives with Amazon's static validator, apl-suggester (npm).
// Usage: node validate.js < directives.json      (a JSON array of directives)
//        node validate.js --profiles              (the viewport profiles apl-suggester knows)
// Output: one JSON array, a list of findings per directive: {level, path, message}.
//
// apl-suggester reports most problems from validate() (JSON schema of documents, components
// and graphics; validateDataSources() for the data sources), and some only through its
// ErrorController singleton (an unknown component type, a failed import), which is captured
// here. It checks against the newest APL schema it knows; it does not check a property's
// "version added", which the tests and the document's own notes do.
"use strict";
const fs = require("fs");
const suggester = require("apl-suggester");

async function findings(directive) {
  const found = [];
  const side = suggester.ErrorController.getInstance();
  side.registerErrors();
  side.clearExistingWarn();
  side.setErrorInterface({ sendError: (e) => found.push({ level: e.level, path: (e.placeholders || {}).path || "/", message: `code ${e.code} ${JSON.stringify(e.placeholders || {})}` }) });
  const quiet = console.warn; // "No mixin for component : X" chatter
  console.warn = () => {};
  try {
    const validator = new suggester.StaticAplTemplateValidator();
    for (const r of await validator.validate(directive.document))
      found.push({ level: r.level || "WARNING", path: r.path, message: r.errorMessage });
    for (const r of await validator.validateDataSources(directive.datasources || {}))
      found.push({ level: r.level || "WARNING", path: `/datasources${r.path}`, message: r.errorMessage });
  } finally {
    console.warn = quiet;
  }
  return found;
}

function profiles() {
  const out = [];
  suggester.getViewportProfiles().forEach((p, id) => out.push({ id, name: p.name, mode: p.mode, shape: p.shape, dpSizeRange: p.dpSizeRange, exampleDevices: p.exampleDevices }));
  return out;
}

async function main() {
  if (process.argv.includes("--profiles")) return console.log(JSON.stringify(profiles()));
  const directives = JSON.parse(fs.readFileSync(0, "utf8"));
  const all = [];
  for (const d of directives) all.push(await findings(d));
  console.log(JSON.stringify(all));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(2);
});
