// The estimate object, built from the two arrays src/wire.rs writes (see
// there for the layout): exactly what JSON.parse makes of the command line's
// answer, with the same keys in the same order and null where it has null.
// scripts/pkg.mjs inlines this file into pkg/ltci.js.

const NULL = 0xffffffff;
const utf8 = new TextDecoder("utf-8");
const utf16 = new TextDecoder("utf-16le");

// Static texts by address: each is decoded from the module's memory once.
const fixed = new Map();

function fixedText(memory, address, bytes) {
  const hit = fixed.get(address);
  if (hit !== undefined && hit.bytes === bytes) return hit.text;
  const text = utf8.decode(new Uint8Array(memory.buffer, address, bytes));
  fixed.set(address, { bytes, text });
  return text;
}

export function estimateFromWire(memory, words, units) {
  const dynamic = units.length ? utf16.decode(units) : "";
  let i = 0;
  const count = () => words[i++];
  const text = () => {
    const a = words[i];
    const b = words[i + 1];
    i += 2;
    if (b === NULL) return null;
    const n = b >>> 1;
    return b & 1 ? fixedText(memory, a, n) : dynamic.slice(a, a + n);
  };
  const remark = () => ({ code: text(), message: text(), messageEn: text(), citation: text() });
  const list = (item) => {
    const out = [];
    for (let k = count(); k > 0; k--) out.push(item());
    return out;
  };
  const city = text();
  const careMode = text();
  const month = text();
  const careDays = count();
  const eligible = count() === 1;
  const reasons = list(remark);
  const lines = list(() => ({
    id: text(),
    kind: text(),
    label: text(),
    labelEn: text(),
    cost: text(),
    fund: text(),
    selfPay: text(),
    basis: text(),
    basisEn: text(),
    citation: text(),
  }));
  const totals = { cost: text(), fund: text(), selfPay: text() };
  const policy = { document: text(), title: text(), effectiveFrom: text(), effectiveTo: text(), status: text() };
  const notes = list(remark);
  return { city, careMode, month, careDays, eligible, reasons, lines, totals, policy, notes, reference: text() };
}
