import { VISIBILITY_MASK } from "../scope";
import { stripMarkers, type RenderMode } from "./mode";
import { productsBlockClose, productsBlockOpen, productsLoopClose, productsLoopOpen } from "./products-liquid";

/*
 * A field with whitespace control (`{{- x }}`) would trim the text template's own line breaks
 * around it, which evaluating the field alone does not; an inline comment tag on each side stops
 * the trim at the field's edge (liquidjs trims only adjacent literal text).
 */
const WHITESPACE_CONTROL = /\{[{%]-|-[%}]\}/;
const TRIM_GUARD = "{% # %}";

/** Template mode for the plain-text part: the text is assembled directly as a Liquid template. */
export function createTextTemplateMode(): RenderMode<string> {
  return {
    field(source) {
      const clean = stripMarkers(source);
      return WHITESPACE_CONTROL.test(clean) ? `${TRIM_GUARD}${clean}${TRIM_GUARD}` : clean;
    },
    conditional(index, content) {
      return `{% if ${VISIBILITY_MASK}[${index}] %}${content}{% endif %}`;
    },
    products(block, index, renderCard, renderBlock) {
      const cards = `${productsLoopOpen(block, index)}${renderCard()}${productsLoopClose()}`;
      return `${productsBlockOpen(block, index)}${renderBlock([cards])}${productsBlockClose()}`;
    },
  };
}
