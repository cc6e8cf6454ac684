// Event names (Segment's e-commerce and email specs, as the generator and the ingest API write them).
export const ORDER_COMPLETED = "Order Completed";
export const ORDER_REFUNDED = "Order Refunded";
export const OPEN_EVENTS = ["Email Opened"];
export const CLICK_EVENTS = ["Email Link Clicked", "Email Clicked"];
/** A session starts with a page or screen view; its events share properties.session_id. */
export const SESSION_EVENTS = ["Page Viewed", "Screen Viewed", "Application Opened", "Session Started"];
export const PRODUCT_VIEWED = "Product Viewed";
export const PRODUCT_ADDED = "Product Added";
export const CART_EVENTS = [PRODUCT_ADDED, "Checkout Started"];
export const CATEGORY_EVENTS = [PRODUCT_VIEWED, PRODUCT_ADDED];
/** A cart counts as abandoned when no order follows within this window. */
export const CART_ABANDONMENT_HOURS = 24;
