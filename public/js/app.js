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
