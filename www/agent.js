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
/** When the first month is not eligible and a later one of the plan is, the sentence that says
 *  from when, before the script's closing "具体以…为准". */
function later(text, plan) {
  const p = plan && plan.result, m = p && !p.months[0].eligible && p.months.find((x) => x.eligible);
  if (!m) return text;
  const [y, mo] = m.month.split("-"), sp = m.totals.selfPay;
  const say = `按目前情况，您从${y}年${Number(mo)}月起可享受长期护理保险待遇，当月基金支付${yuan(m.totals.fund)}${sp == null ? "" : "，个人自付" + yuan(sp)}。`;
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
