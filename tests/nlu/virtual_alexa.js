#!/usr/bin/env node
// Resolves utterances with bespoken's virtual-alexa (npm), offline, as an independent check of
// the interaction model. Usage: node virtual_alexa.js MODEL.json [--locale en-US] < lines
// Each input line: {"id", "text", "elicit": {"intent", "slot"} | null}.
// Each output line: {"id", "intent": name | null, "slots": {name: {value, er_id, time}}}.
//
// virtual-alexa matches samples exactly (each {slot} a wildcard checked against the slot
// type's values): it never guesses, and an utterance no sample fits is reported as no intent
// (scored as AMAZON.FallbackIntent). Its matcher is called directly (virtual-core's Utterance)
// because utter()'s launch-phrase check fires on any text containing "tell" or "ask". While a
// slot is elicited, the slot's own samples (the dialog model's) are tried first, as Alexa does.
"use strict";
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const fs = require("fs");
const os = require("os");
const path = require("path");
const va = require("virtual-alexa");
const { Utterance } = require("virtual-core");

const args = process.argv.slice(2);
const modelPath = args[0];
const locale = args.includes("--locale") ? args[args.indexOf("--locale") + 1] : "en-US";
const full = JSON.parse(fs.readFileSync(modelPath, "utf8"));
const language = full.interactionModel.languageModel;

function matcherFor(model) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "va-")), "model.json");
  fs.writeFileSync(file, JSON.stringify(model));
  const alexa = va.VirtualAlexa.Builder().handler(() => {}).interactionModelFile(file).locale(locale).create();
  return alexa.context().interactionModel();
}

function elicitModel(intentName, slotName) {
  const intent = language.intents.find(i => i.name === intentName);
  const slot = (intent.slots || []).find(s => s.name === slotName);
  const copy = JSON.parse(JSON.stringify(full));
  copy.interactionModel.languageModel.intents = [
    { name: intentName, slots: intent.slots, samples: slot.samples || [] },
  ];
  delete copy.interactionModel.dialog;
  delete copy.interactionModel.prompts;
  return copy;
}

const main = matcherFor(full);
const elicited = {};

function resolve(model, text) {
  const match = new Utterance(model, text);
  if (!match.matched()) return null;
  const slots = {};
  const json = match.toJSON() || {};
  for (const [name, value] of Object.entries(json)) {
    if (value === undefined || value === null || value === "") continue;
    const out = { value: String(value) };
    const type = (language.intents.find(i => i.name === match.intent()).slots || []).find(s => s.name === name);
    if (type && !type.type.startsWith("AMAZON.")) {
      const values = (language.types.find(t => t.name === type.type) || { values: [] }).values;
      const hit = values.find(v => [v.name.value, ...(v.name.synonyms || [])].some(w => w.toLowerCase() === String(value).toLowerCase()));
      if (hit) out.er_id = hit.id;
    }
    slots[name] = out;
  }
  return { intent: match.intent(), slots };
}

const lines = fs.readFileSync(0, "utf8").split("\n").filter(l => l.trim());
const out = [];
for (const line of lines) {
  const u = JSON.parse(line);
  let found = null;
  if (u.elicit) {
    const key = `${u.elicit.intent}/${u.elicit.slot}`;
    elicited[key] = elicited[key] || matcherFor(elicitModel(u.elicit.intent, u.elicit.slot));
    found = resolve(elicited[key], u.text);
  }
  found = found || resolve(main, u.text);
  out.push(JSON.stringify({ id: u.id, intent: found ? found.intent : null, slots: found ? found.slots : {} }));
}
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
