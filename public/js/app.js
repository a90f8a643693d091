// Small enhancements on top of htmx. Everything works without this file.

// After htmx swaps new content in, move focus to the element that asks for it
// (data-focus), so keyboard and screen-reader users land on the result.
document.addEventListener("htmx:after:swap", (event) => {
  const root = event.target instanceof Element ? event.target : document;
  const target = root.querySelector("[data-focus]") ?? (root.matches?.("[data-focus]") ? root : null);
  if (target instanceof HTMLElement) {
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: false });
  }
});

// "Show password" checkboxes next to password fields marked data-reveal: seeing what
// you typed on a small touch keyboard prevents lock-outs (there is no "repeat password").
function addRevealToggles(root) {
  for (const input of root.querySelectorAll("input[type=password][data-reveal]")) {
    if (input.dataset.revealReady) continue;
    input.dataset.revealReady = "1";
    const label = document.createElement("label");
    label.className = "reveal";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.addEventListener("change", () => {
      input.type = box.checked ? "text" : "password";
    });
    label.append(box, document.documentElement.dataset.showPassword || "Show password");
    input.insertAdjacentElement("afterend", label);
  }
}
addRevealToggles(document);
document.addEventListener("htmx:after:swap", (event) =>
  addRevealToggles(event.target instanceof Element ? event.target : document),
);

// Quick exit: leave for the neutral site and replace this history entry, so Back does not
// come back here. Escape pressed three times (each within a second of the last) does the
// same from anywhere on the page. Without JavaScript the link still works as a link.
function quickExit(event) {
  const link = document.querySelector("a[data-quick-exit]");
  if (!link) return;
  event?.preventDefault();
  document.body.hidden = true;
  window.location.replace(link.href);
}
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("a[data-quick-exit]")) quickExit(event);
});
let escapeCount = 0;
let lastEscape = 0;
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const now = Date.now();
  escapeCount = now - lastEscape < 1000 ? escapeCount + 1 : 1;
  lastEscape = now;
  if (escapeCount >= 3) quickExit(event);
});
