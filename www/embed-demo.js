// Host side of the demo (a portal's own script; no inline script under CSP).

// 1. The iframe embed: size each calculator iframe to the height it posts,
//    {type: "ltci:height", height}. On a portal, EMBED_ORIGIN is the origin
//    that serves embed.html, e.g. "https://ltci.example.gov.cn".
const EMBED_ORIGIN = location.origin;
addEventListener("message", (e) => {
  const d = e.data;
  if (e.origin !== EMBED_ORIGIN || !d || d.type !== "ltci:height" || !(d.height > 0)) return;
  for (const f of document.querySelectorAll("iframe.ltci-embed")) {
    if (f.contentWindow === e.source) f.style.height = Math.min(d.height, 20000) + "px"; // CSSOM: allowed by CSP
  }
});

// 2. The custom element reacts to its attributes.
const side = document.getElementById("side");
document.getElementById("side-city").addEventListener("change", (e) => side.setAttribute("city", e.target.value));
