export default defineBackground(() => {
  // Filled in by setupX() calls from lib/.
});
