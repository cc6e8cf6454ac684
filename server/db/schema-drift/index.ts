export * from "./actual";
export * from "./diff";
export * from "./expected";
export * from "./shape";
