// beian-check/widget — the ID-card view (issue 15). widget.js imports this
// file with the vision module (loadVision()) when a photo is first picked in
// an ID slot (idCardFront, idCardBack, handheldId), so a filing page loads
// none of it until then; both come before the photo's pixels are checked
// (info.card, api.md "ID card analysis"). It draws
// the card's outline on the upload's thumbnail and shows what was read: the
// number masked but for its last four characters until the user reveals it,
// and the validity. Text only (textContent), like the rest of the widget.

const UI = {
  'zh-CN': { number: '证件上的号码', validity: '证件有效期限', reveal: '显示', conceal: '隐藏', longTerm: '长期' },
  'zh-TW': { number: '證件上的號碼', validity: '證件有效期限', reveal: '顯示', conceal: '隱藏', longTerm: '長期' },
  en: { number: 'Number on the card', validity: 'Validity on the card', reveal: 'Show', conceal: 'Hide', longTerm: 'long-term' },
};

const COLOURS = { error: '#c62828', warning: '#a15c00', ok: '#1a7f37' };

/** The number with all but its last four characters masked. */
export function maskNumber(n) {
  const s = String(n);
  return '*'.repeat(Math.max(0, s.length - 4)) + s.slice(-4);
}

/**
 * Draws the outline of the card `result` found (a checkImagePixels result;
 * nothing when its `info.card` is absent; corners in the checked pixels'
 * coordinates, times `scale`) on the thumbnail canvas, with a dot at the
 * card's own top-left corner, in the colour of the worst finding; records the
 * drawn points in data-beian-outline ("x,y x,y x,y x,y") and the colour's
 * meaning in data-beian-outline-severity.
 */
export function outline(thumb, result, scale) {
  const findings = result?.findings;
  const c = result?.info?.card?.corners;
  const ok = Array.isArray(c) && c.length === 4 && c.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite));
  const ctx = ok && thumb.getContext('2d');
  if (!ctx) return;
  const pts = c.map(([x, y]) => [x * scale, y * scale]);
  const sev = findings?.some((f) => f.severity === 'error') ? 'error' : findings?.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  ctx.lineJoin = 'round';
  // A white halo under the coloured line: visible on any background.
  for (const [width, colour] of [[4, '#fff'], [2, COLOURS[sev]]]) {
    ctx.lineWidth = width;
    ctx.strokeStyle = ctx.fillStyle = colour;
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(pts[0][0], pts[0][1], width, 0, 2 * Math.PI);
    ctx.fill();
  }
  thumb.dataset.beianOutline = pts.map((p) => p.map(Math.round).join(',')).join(' ');
  thumb.dataset.beianOutlineSeverity = sev;
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Appends to `box` (the message box of the upload `input` of the widget
 * controller `ctrl`, whose state is `s`) what was read on the card of its
 * checkImagePixels result, in the widget's locale: the number, masked unless
 * `s.reveal`, with a show/hide button, and the validity. Nothing when no
 * card was found or nothing was read.
 */
export function view(ctrl, input, box, s) {
  const card = s.pixels?.info?.card;
  if (!card || !(card.number || card.validUntil)) return;
  const revealed = !!s.reveal;
  const ui = UI[ctrl.locale] || UI['zh-CN'];
  const toggle = () => {
    s.reveal = !s.reveal;
    ctrl.render(input);
    box.querySelector('.bc-reveal')?.focus();
  };
  const node = el('div', 'bc-card');
  const line = (label, value) => {
    const p = el('div', 'bc-facts bc-card-line');
    p.append(el('span', 'bc-card-label', label), el('span', 'bc-card-value', value));
    node.append(p);
    return p;
  };
  if (card.number) {
    const p = line(ui.number, revealed ? card.number : maskNumber(card.number));
    const b = el('button', 'bc-fix bc-reveal', revealed ? ui.conceal : ui.reveal);
    b.type = 'button';
    b.setAttribute('aria-pressed', String(!!revealed));
    b.addEventListener('click', toggle);
    p.append(b);
  }
  if (card.validUntil) line(ui.validity, `${card.validFrom || '?'} – ${card.validUntil === 'long-term' ? ui.longTerm : card.validUntil}`);
  box.append(node);
}
