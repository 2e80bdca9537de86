/** Header toolbar: sharing (link), export and import. Filled in by the sharing work (issue: teaching & sharing). */
export function Toolbar() {
  return null;
}
