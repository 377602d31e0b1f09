// The iframe embed (embed.html?city=…&compact=1): the calculator alone, with the
// page's query keys, and its height posted to the host page so it can size the
// iframe: {type: "ltci:height", height: <CSS px>} on load and on every resize.
// Target origin "*": any portal may embed this page. The message carries one number
// about the layout, no value typed; the height still tells the host coarse form
// state (which inputs show, an error or a result), as the README says.
import { UI } from "./texts.js";
import { checkRules } from "./notice.js";
import { load, mount } from "./app.js";

const root = document.querySelector("[data-ltci-embed]");
const params = new URLSearchParams(location.search);
const compact = params.get("compact") === "1";
params.delete("compact");

let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && parent !== window) parent.postMessage({ type: "ltci:height", height }, "*");
  last = height;
};
new ResizeObserver(post).observe(document.documentElement);

try {
  const cat = await load();
  const calc = mount(root, {
    cat, params, compact,
    // "Copy link" gives the full page beside this one, with the same inputs.
    link: (p) => new URL("./" + (String(p) ? "?" + p : ""), location.href).href,
    onChange(p, s) { document.documentElement.lang = s.lang === "en" ? "en" : "zh-CN"; },
  });
  checkRules(cat, calc); // under the page's service worker, the copy may be older
} catch {
  root.querySelector(".loading").textContent = UI.zh.failed + " " + UI.en.failed;
}
post();
