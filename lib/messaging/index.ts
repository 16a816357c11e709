/** The message protocol, its schemas, the validating `handle` wrapper and the handlers. */
export * from './protocol';
export * from './schemas';
export { ok, fail, invalidInput, issuesOf } from './result';
export { handle, validated, type Handler, type HandlerContext, type HandleOptions, type SenderKind, type SenderLike, type SenderTab } from './handle';
export { capturePost, captureFromTab, handleCapturePost, type CaptureDeps } from './handlers/capture-post';
export { handleCaptureActivePage, type CaptureActivePageDeps } from './handlers/capture-active-page';
export { handleSetFlaggedCount, handleOpenSidePanel, type TabUiDeps } from './handlers/tab-ui';
export { setupMessageHandlers, type BackgroundDeps } from './handlers/register-background';
