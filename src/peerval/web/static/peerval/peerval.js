// The NHS.UK frontend marks a radio or checkbox that reveals a follow-up question with
// aria-expanded, which ARIA does not allow on those roles (axe-core: aria-allowed-attr).
// The revealed question follows its answer in reading order, so the attribute is removed
// whenever the frontend sets it.
const selector = "input[type=radio][aria-expanded], input[type=checkbox][aria-expanded]";
const strip = () => {
  document.querySelectorAll(selector).forEach((input) => input.removeAttribute("aria-expanded"));
};
strip();
new MutationObserver(strip).observe(document.body, {
  subtree: true,
  attributes: true,
  attributeFilter: ["aria-expanded"],
});
