/**
 * The capture button and state badge beside a flagged post, and the post's
 * highlight boxes.
 *
 * The forum's own scripts are hostile readers: everything lives in a
 * **closed** shadow root, so they can neither read the state ("已认领 · <部门>
 * · 剩余 …"), the matched terms nor the highlights, nor rewrite what the badge
 * shows; the host carries no attribute, id or class that names us (our
 * elements are known by identity, `isOwnElement`). Only trusted (user)
 * clicks capture, so the forum's scripts cannot. Plain DOM (no framework)
 * because it is mounted on every flagged post of every page and must stay
 * light. The host is floated to the right of the post body so it never
 * shifts the page's own layout. See lib/highlight for what a page can still
 * tell.
 */
import { createHighlightLayer, HIGHLIGHT_STYLE, type HighlightLayer } from '../highlight';

/** What the badge shows. */
export type BadgeState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'error'; message: string }
  /** `capturable`: the post is not evidence yet (another floor of its thread is a case): it can still be captured. */
  | { kind: 'known'; text: string; overdue: boolean; capturable?: boolean };

/** The labels the badge uses, already translated. */
export interface BadgeLabels {
  capture: string;
  capturing: string;
  captured: string;
  flaggedTitle: string;
  /** Tooltip of the state chip, which opens the desk. */
  openDesk: string;
}

/** A mounted badge. */
export interface PostBadge {
  host: HTMLElement;
  /** The closed shadow root (only the content script holds it; tests read the badge through it). */
  root: ShadowRoot;
  /** The post's highlight boxes, drawn in the same closed root. */
  highlights: HighlightLayer;
  setState(state: BadgeState): void;
  remove(): void;
}

/**
 * Our own elements, by identity, in a registry shared by every script of the
 * extension's isolated world (the content script and the capture script the
 * background injects are separate bundles). The page's main world cannot
 * reach it: nothing on the element says it is ours.
 */
function ownElements(): WeakSet<Element> {
  const key = Symbol.for('yq.own-elements');
  const scope = globalThis as unknown as Record<symbol, WeakSet<Element> | undefined>;
  return (scope[key] ??= new WeakSet<Element>());
}

/** Whether `element` is a badge or overlay host of ours (skipped by the mutation observer and evidence extraction). */
export function isOwnElement(element: Element): boolean {
  return ownElements().has(element);
}

const STYLE = `
:host { all: initial; }
.wrap { display: inline-flex; gap: 4px; align-items: center; font: 12px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
button { all: unset; cursor: pointer; padding: 1px 10px; border-radius: 11px; background: #c0392b; color: #fff; font-weight: 600; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
button:hover { background: #a93226; }
button:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
button[disabled] { background: #999; cursor: progress; }
.state { all: unset; cursor: pointer; padding: 1px 8px; border-radius: 11px; background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; }
.state:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
.state.overdue { background: #fdecea; color: #b71c1c; border-color: #f5b7b1; }
.error { color: #b71c1c; }
${HIGHLIGHT_STYLE}`;

/**
 * Where the badge host sits: floated to the right of the post body, so it
 * never shifts the page's own layout. A rule of the shadow root's own sheet
 * rather than an inline style: parsed once per page instead of once per
 * flagged post, and nothing on the host for the page to read. `!important`
 * because the page's rules win over a shadow root's `:host` rules unless the
 * latter are important (CSS Scoping, cascade of shadow trees) — as an inline
 * style lost to the page's `!important` rules before.
 */
const BADGE_HOST_STYLE = `
:host { float: right !important; margin: 0 0 4px 8px !important; position: relative !important; z-index: 1 !important; }`;

/** The two kinds of host, each with its stylesheet. */
type HostKind = 'badge' | 'highlight';

const STYLES: Record<HostKind, string> = { badge: STYLE + BADGE_HOST_STYLE, highlight: STYLE };

/** One parsed stylesheet per page and kind of host, shared by every host's shadow root. */
const sharedSheets = new WeakMap<Document, Partial<Record<HostKind, CSSStyleSheet>>>();

/**
 * Gives `root` the page's shared stylesheet for `kind`; false where
 * constructable stylesheets are unavailable (then each host carries its own
 * <style>). Parsing the rules once rather than once per flagged post matters
 * on long threads.
 */
function adoptSharedStyle(root: ShadowRoot, doc: Document, kind: HostKind): boolean {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (!Sheet || !('adoptedStyleSheets' in root)) return false;
    let sheets = sharedSheets.get(doc);
    if (!sheets) sharedSheets.set(doc, (sheets = {}));
    let sheet = sheets[kind];
    if (!sheet) {
      sheet = new Sheet();
      sheet.replaceSync(STYLES[kind]);
      sheets[kind] = sheet;
    }
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    return false;
  }
}

/**
 * Mounts a badge at the start of `anchor` (the post body) for a post that
 * matched `terms`; `onCapture` runs on click.
 */
export function mountPostBadge(
  anchor: Element,
  terms: string[],
  labels: BadgeLabels,
  onCapture: () => void,
  onOpenDesk: () => void,
): PostBadge {
  const doc = anchor.ownerDocument;
  // Built whole before it enters the page: one insertion into the post, not one per element of the badge.
  const { host, root } = newHost(doc, 'badge');
  const wrap = doc.createElement('span');
  wrap.className = 'wrap';
  // Inside the closed root: the officer sees the terms on hover, the page cannot read them.
  wrap.title = labels.flaggedTitle.replace('$1', terms.join('、'));
  root.append(wrap);
  const highlights = createHighlightLayer(root, host);

  const captureButton = (busy: boolean) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = busy ? labels.capturing : labels.capture;
    button.disabled = busy;
    button.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      // The forum's own handlers (quote, reply, lightbox) must not see our click.
      event.preventDefault();
      event.stopPropagation();
      onCapture();
    });
    return button;
  };

  const render = (state: BadgeState) => {
    wrap.replaceChildren();
    if (state.kind === 'known' || state.kind === 'done') {
      // The state chip opens the desk on this case's tab (the side panel needs the click's user gesture).
      const chip = doc.createElement('button');
      chip.type = 'button';
      chip.className = state.kind === 'known' && state.overdue ? 'state overdue' : 'state';
      chip.textContent = state.kind === 'known' ? state.text : labels.captured;
      chip.title = labels.openDesk;
      chip.addEventListener('click', (event) => {
        if (!event.isTrusted) return;
        event.preventDefault();
        event.stopPropagation();
        onOpenDesk();
      });
      wrap.setAttribute('role', 'status');
      wrap.append(chip);
      if (state.kind === 'known' && state.capturable) wrap.append(captureButton(false));
      return;
    }
    wrap.append(captureButton(state.kind === 'busy'));
    if (state.kind === 'error') {
      const error = doc.createElement('span');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      error.textContent = state.message;
      wrap.append(error);
    }
  };
  render({ kind: 'idle' });
  anchor.prepend(host);
  return { host, root, highlights, setState: render, remove: () => host.remove() };
}

/**
 * A highlight-only host at the start of `anchor` (a thread title on a list
 * page): zero-size, inline, so the title's layout does not change.
 */
export function mountHighlightHost(anchor: Element): HighlightLayer {
  const { host, root } = newHost(anchor.ownerDocument, 'highlight');
  host.style.cssText = 'display:inline-block;position:relative;width:0;height:0;overflow:visible;vertical-align:top;';
  const layer = createHighlightLayer(root, host);
  anchor.prepend(host);
  return layer;
}

/** A host element of ours, not yet in the page, with a closed shadow root carrying the shared stylesheet of its kind. */
function newHost(doc: Document, kind: HostKind): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('span');
  ownElements().add(host);
  const root = host.attachShadow({ mode: 'closed' });
  if (!adoptSharedStyle(root, doc, kind)) {
    const style = doc.createElement('style');
    style.textContent = STYLES[kind];
    root.append(style);
  }
  return { host, root };
}
