import { setupBackground } from '../lib/background/setup';

export default defineBackground(() => {
  // Listeners must be registered synchronously at start-up, or events that woke the worker are lost.
  setupBackground();
});
