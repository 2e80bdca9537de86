/** Guided tour, presentation mode and explanations overlay. Filled in by the teaching work. */
export function TeachingLayer() {
  return null;
}
