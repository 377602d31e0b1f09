// The call-center view (www/?view=agent; app.js loads this module for it): the
// same calculator in a dense desktop layout, plus the script (话术) the agent
// reads out and a button (Alt+C) that copies it with the citizen's link.
// The case reference is on the result (result.js renderEstimate).
import { h } from "./dom.js";
import { script } from "./pkg/ltci.js";

const T = {
  zh: {
    title: "长期护理保险待遇计算器 · 坐席视图", script: "话术（可直接读给来电人）", copy: "复制话术和链接",
    copied: "已复制话术和链接", copyFailed: "无法复制，请选中话术后手动复制", fixFirst: "请先修正标出的输入。",
    keys: "键盘：Tab／Shift+Tab 在输入之间移动，↑↓ 改选项，Alt+C 复制话术和链接（链接打开市民版页面，结果相同）。",
  },
  en: {
    title: "LTC insurance calculator · call-center view", script: "Script to read out (Chinese)", copy: "Copy script and link",
    copied: "Script and link copied", copyFailed: "Could not copy; select the script and copy it", fixFirst: "Correct the marked input first.",
    keys: "Keyboard: Tab / Shift+Tab move between inputs, ↑↓ change a choice, Alt+C copies the script and the link (it opens the citizen's page with the same result).",
  },
};

/** An amount as spoken: "1050.00" → "1050元". */
const yuan = (x) => x.replace(/\.?0+$/, "") + "元";
/** The months ahead in the script, before its closing "具体以…为准": from when benefits can
 *  start (when the first month is not eligible), the total over the months shown, and what
 *  changes and when (the plan's changes). */
function later(text, plan) {
  const p = plan && plan.result;
  if (!p) return text;
  const ym = (x) => `${x.slice(0, 4)}年${Number(x.slice(5, 7))}月`;
  const m = !p.months[0].eligible && p.months.find((x) => x.eligible);
  let say = "";
  if (m) {
    const sp = m.totals.selfPay;
    say += `按目前情况，您从${ym(m.month)}起可享受长期护理保险待遇，当月基金支付${yuan(m.totals.fund)}${sp == null ? "" : "，个人自付" + yuan(sp)}。`;
  }
  const n = p.months.length, sp = p.totals.selfPay;
  say += p.eligibleMonths
    ? `${ym(p.from)}到${ym(p.to)}这${n}个月中，有${p.eligibleMonths}个月可享受，基金支付合计${yuan(p.totals.fund)}${sp == null ? "" : "，个人自付合计" + yuan(sp)}。`
    : `${ym(p.from)}到${ym(p.to)}这${n}个月都不能享受。`;
  // What changes and when: each change but the one said above; amounts that move with the
  // month's length (many small changes) as their range.
  const told = p.changes.filter((c) => !(m && c.code === "becomes_eligible" && c.month === m.month));
  const amounts = told.filter((c) => c.code === "amount_changed");
  for (const c of amounts.length > 2 ? told.filter((c) => c.code !== "amount_changed") : told) say += c.message.replace(/(\d+)\.00元/g, "$1元");
  if (amounts.length > 2) {
    const funds = p.months.filter((x) => x.eligible).map((x) => Number(x.totals.fund));
    say += `各月基金支付随当月天数在${Math.min(...funds)}元到${Math.max(...funds)}元之间。`;
  }
  const i = text.indexOf("具体以");
  return i < 0 ? text + say : text.slice(0, i) + say + text.slice(i);
}

/** mount() options for the agent view; link(params) is the citizen page's URL for these inputs. */
export function agentView(link) {
  let text = "", params = "", btn, note, L = "zh";
  const copy = async () => {
    if (!text) { note.textContent = T[L].fixFirst; return; }
    // The link is made now, when asked (app.js keeps the inputs out of the address bar).
    try { await navigator.clipboard.writeText(`${text}\n${link(params)}`); note.textContent = T[L].copied; }
    catch { note.textContent = T[L].copyFailed; }
  };
  // Alt+C from anywhere on the page (e.code: the key, whatever the keyboard layout types).
  document.addEventListener("keydown", (e) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === "KeyC" && btn && btn.isConnected) {
      e.preventDefault();
      copy();
    }
  });
  return {
    title: (lang) => T[lang].title,
    agent(el, { query, error, lang, id, params: p, plan }) {
      L = lang;
      const t = T[L];
      params = p;
      try { text = error ? "" : later(script(query), plan); } catch { text = ""; }
      if (!el.firstChild) { // once per language: the calculator rebuilds everything on a switch
        note = h("span", { class: "copied", role: "status" });
        btn = h("button", { type: "button", "data-act": "copy-script", "aria-keyshortcuts": "Alt+C", onclick: copy }, t.copy, " ", h("kbd", {}, "Alt+C"));
        el.append(h("h2", { id }, t.script), h("p", { class: "script", lang: "zh-CN", "data-out": "script" }),
          h("div", { class: "actions" }, btn, note), h("p", { class: "help" }, t.keys));
      }
      el.querySelector("[data-out=script]").textContent = text || t.fixFirst;
      note.textContent = "";
    },
  };
}
