// UTF-8 for runtimes without TextEncoder/TextDecoder (the WeChat mini-program
// runtime). Only what the glue calls: decode(bytes), encode(string) and
// encodeInto(string, view). Malformed UTF-8 becomes U+FFFD, as the standard
// decoder does.
class Utf8Decoder {
  decode(bytes) {
    if (!bytes) return "";
    const n = bytes.length;
    let out = "";
    let units = [];
    const flush = () => {
      out += String.fromCharCode.apply(null, units);
      units = [];
    };
    let i = 0;
    while (i < n) {
      const b0 = bytes[i];
      let cp = 0xfffd;
      let size = 1;
      if (b0 < 0x80) {
        cp = b0;
      } else if (b0 >= 0xc2 && b0 <= 0xdf && i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80) {
        cp = ((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
        size = 2;
      } else if (b0 >= 0xe0 && b0 <= 0xef && i + 2 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
        const c = ((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
        if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
          cp = c;
          size = 3;
        }
      } else if (b0 >= 0xf0 && b0 <= 0xf4 && i + 3 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
        const c = ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
        if (c >= 0x10000 && c <= 0x10ffff) {
          cp = c;
          size = 4;
        }
      }
      if (cp > 0xffff) {
        cp -= 0x10000;
        units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
      } else {
        units.push(cp);
      }
      i += size;
      if (units.length >= 0x4000) flush();
    }
    flush();
    return out;
  }
}

class Utf8Encoder {
  encode(s) {
    const out = new Uint8Array(s.length * 3);
    const { written } = this.encodeInto(s, out);
    return out.slice(0, written);
  }

  encodeInto(s, view) {
    let read = 0;
    let written = 0;
    const cap = view.length;
    for (let i = 0; i < s.length; i++) {
      let cp = s.charCodeAt(i);
      let units = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          units = 2;
        }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (written + size > cap) break;
      if (size === 1) {
        view[written] = cp;
      } else if (size === 2) {
        view[written] = 0xc0 | (cp >> 6);
        view[written + 1] = 0x80 | (cp & 0x3f);
      } else if (size === 3) {
        view[written] = 0xe0 | (cp >> 12);
        view[written + 1] = 0x80 | ((cp >> 6) & 0x3f);
        view[written + 2] = 0x80 | (cp & 0x3f);
      } else {
        view[written] = 0xf0 | (cp >> 18);
        view[written + 1] = 0x80 | ((cp >> 12) & 0x3f);
        view[written + 2] = 0x80 | ((cp >> 6) & 0x3f);
        view[written + 3] = 0x80 | (cp & 0x3f);
      }
      written += size;
      read += units;
      i += units - 1;
    }
    return { read, written };
  }
}
