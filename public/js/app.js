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
