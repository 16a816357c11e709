/**
 * The capture button and state badge beside a flagged post.
 *
 * It lives in a shadow root so the forum's CSS cannot restyle it, and only
 * trusted (user) clicks capture, so the forum's scripts cannot; it is plain DOM (no framework)
 * because it is mounted on every flagged post of every page and must stay
 * light. The host is an inline element floated to the right of the post body
 * so it never shifts the page's own layout.
 */

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
  setState(state: BadgeState): void;
  remove(): void;
}

/** Marks our own elements so the mutation observer and the highlighter skip them. */
export const UI_ATTRIBUTE = 'data-yq-ui';

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
`;

/** One parsed stylesheet per page, shared by every badge's shadow root. */
const sharedSheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * Gives `root` the page's shared badge stylesheet; false where constructable
 * stylesheets are unavailable (then each badge carries its own <style>).
 * Parsing the rules once rather than once per flagged post matters on long threads.
 */
function adoptSharedStyle(root: ShadowRoot, doc: Document): boolean {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (!Sheet || !('adoptedStyleSheets' in root)) return false;
    let sheet = sharedSheets.get(doc);
    if (!sheet) {
      sheet = new Sheet();
      sheet.replaceSync(STYLE);
      sharedSheets.set(doc, sheet);
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
  const host = doc.createElement('span');
  host.setAttribute(UI_ATTRIBUTE, 'badge');
  host.style.cssText = 'float:right;margin:0 0 4px 8px;position:relative;z-index:1;';
  // Open, so tests can reach it; clicks are honoured only when trusted (a real user), so page scripts cannot capture.
  const root = host.attachShadow({ mode: 'open' });
  const wrap = doc.createElement('span');
  wrap.className = 'wrap';
  wrap.title = labels.flaggedTitle.replace('$1', terms.join('、'));
  if (!adoptSharedStyle(root, doc)) {
    const style = doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
  root.append(wrap);
  anchor.prepend(host);

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
  return { host, setState: render, remove: () => host.remove() };
}
