/**
 * The one message protocol of the extension.
 *
 * Flow:
 *   content script ──getContentConfig / capturePost / getPostStates / setFlaggedCount / openSidePanel──▶ background
 *   popup, side panel, context menu ──captureActivePage / ping──▶ background
 *   background ──scripting.executeScript(capture.js)──▶ tab ──CapturePostRequest──▶ background
 *
 * Error style (THE one used by every message and every repository function):
 * nothing throws across this boundary; every answer is a `Result<T>`:
 *   { ok: true, data: T } | { ok: false, error: { code, message, issues? } }
 * `code` is stable and for programs (see ErrorCode in result.ts); `message`
 * is a Chinese sentence the UI can show as is; `issues` lists every field
 * problem of a refused payload. Thrown errors lose their type when
 * serialized between contexts, which is why results are values.
 *
 * Trust: the receiving end validates every payload with its zod schema in
 * schemas.ts (`handle` in handle.ts), refuses senders that are not this
 * extension, and takes the sender's tab from the browser, never from the
 * payload.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Result } from './result';
import type {
  CaptureActivePageRequest,
  CapturePostResponse,
  ContentConfig,
  GetContentConfigRequest,
  CapturePostOrder,
  GetPostStatesRequest,
  OpenSidePanelRequest,
  PingRequest,
  PostStates,
  RecheckCaseRequest,
  RecheckCaseResponse,
  SetFlaggedCountRequest,
  OfficeHubRequest,
  SaveOfficeHubRequest,
} from './schemas';
import type { OfficeHubStatus, OfficeHubView } from '../office-push/desk';

export type { Result, ResultError, ErrorCode } from './result';

/** Every message: its payload type and its answer. */
export interface ProtocolMap {
  /** Content script → background: capture one flagged post (named by id; the background extracts it). */
  capturePost(data: CapturePostOrder): Result<CapturePostResponse>;
  /** Content script → background: states of the posts on this page that are already cases. */
  getPostStates(data: GetPostStatesRequest): Result<PostStates>;
  /** Content script → background: the locale and watch list to flag posts with. */
  getContentConfig(data: GetContentConfigRequest): Result<ContentConfig>;
  /** Content script → background: number of flagged posts, shown on the sender tab's toolbar badge. */
  setFlaggedCount(data: SetFlaggedCountRequest): Result<void>;
  /** Content script → background: open the side panel on the sender's tab (user gesture). */
  openSidePanel(data: OpenSidePanelRequest): Result<void>;
  /** Popup / context menu → background: capture a tab's page or selection. */
  captureActivePage(data: CaptureActivePageRequest): Result<{ caseId: string }>;
  /** Side panel → background: re-check a case's sources now (立即复查); the background fetches and reads them. */
  recheckCase(data: RecheckCaseRequest): Result<RecheckCaseResponse>;
  /** Side panel → background: the office hub link (address, token hint, last push) for settings. */
  getOfficeHub(data: OfficeHubRequest): Result<OfficeHubView>;
  /** Side panel → background: save the office hub link after the hub confirmed the token (whoami). */
  saveOfficeHub(data: SaveOfficeHubRequest): Result<{ view: OfficeHubView; officer?: { name: string; department: string } }>;
  /** Side panel → background: push what is new to the office hub now (立即推送). */
  pushToOfficeHub(data: OfficeHubRequest): Result<OfficeHubStatus>;
  /** Any extension context → background: round trip check. */
  ping(data: PingRequest): Result<{ at: number }>;
}

/** Name of a message. */
export type MessageName = keyof ProtocolMap;
/** Payload type of a message. */
export type RequestOf<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
/** Answer type of a message. */
export type ResponseOf<K extends MessageName> = ReturnType<ProtocolMap[K]>;

// Creating the messenger registers nothing: listeners start only in onMessage(), called from setup code.
const messenger = defineExtensionMessaging<ProtocolMap>();

/** Sends a message to the background, or to a tab's content script when a tab id is given. */
export const sendMessage = messenger.sendMessage;
/** Listens for one message type (prefer `handle` from handle.ts, which validates). */
export const onMessage = messenger.onMessage;
/** Removes every listener of this context (tests). */
export const removeAllListeners = messenger.removeAllListeners;
