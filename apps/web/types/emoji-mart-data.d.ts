// @emoji-mart/data ships JSON without types; the picker only passes it through.
declare module "@emoji-mart/data" {
  const data: object;
  export default data;
}
