import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RelatedEntry } from '../../lib/dataset/relations';
import type { Entity } from '../../lib/dataset/types';
import { EntityCard } from '../entity/entity-card';
import { type HeadingLevel, headingTag } from '../entity/labels';

/** What following a relation loads. `mentionCount` only when the entity is also on the page. */
export interface LoadedEntity {
  entity: Entity;
  related: RelatedEntry[];
  mentionCount?: number;
}

export interface HoverCardProps {
  /** The mentioned entity. A new id resets the card (history, "Not this" state). */
  entity: Entity;
  related: RelatedEntry[];
  /** Mentions of `entity` on the page. */
  mentionCount: number;
  /** Ids of entities mentioned on the page. */
  onPage: ReadonlySet<string>;
  /** DatasetMeta.asOf (ISO). */
  datasetAsOf: string;
  /** Loads a related entity's card data when the reader follows a relation. */
  loadEntity(id: string): Promise<LoadedEntity>;
  /**
   * "Open in side panel" for the entity currently shown (the mentioned one, or one reached by following). Resolves
   * false where the browser would not open it (Firefox opens its sidebar only from the toolbar or the shortcut): the
   * card then says how to show it; the panel opens on this entity when it is next shown.
   */
  onOpenPanel(id: string): Promise<boolean>;
  /** "Annotate": annotate the mention's sentence, linked to the mentioned entity. */
  onAnnotate(id: string): void;
  /** "Not this": hide this alias on this site (the mentioned entity's id). */
  onNotThis(id: string): void;
  /** "Undo" after "Not this". */
  onUndoNotThis(id: string): void;
  /** Close button or Escape. The caller closes the card and returns focus to the mention if it had it. */
  onClose(): void;
  pinned: boolean;
  onTogglePin(): void;
  /** Move focus into the card when it mounts (opened from the keyboard). */
  autoFocus?: boolean;
  /** Key facts in the compact card (default 3); "More" shows all. */
  factLimit?: number;
  /** Related entries in the compact card (default 4, names on the page first); "More" shows all. */
  relatedLimit?: number;
  /** Level of the name heading (default 2). */
  headingLevel?: HeadingLevel;
}

/** The manifest's suggested key for opening the panel (`_execute_action` / `_execute_sidebar_action`). */
const PANEL_SHORTCUT = 'Alt+Shift+L';

type Nav = { rootId: string; stack: LoadedEntity[]; hidden: boolean; expanded: boolean };

/**
 * The hover card: a non-modal labelled dialog around {@link EntityCard} with a history of followed relations
 * (Back returns), the card actions, and "Not this" with Undo. Rendered inside the content script's shadow root;
 * placement and open/close timing live outside (lib/cards/hover-intent.ts).
 */
export function HoverCard(props: HoverCardProps) {
  const { entity, onPage, datasetAsOf, pinned } = props;
  const uid = useId();
  const headingId = `${uid}-name`;
  const summaryId = `${uid}-summary`;
  const rootRef = useRef<HTMLDivElement>(null);
  const [nav, setNav] = useState<Nav>({ rootId: entity.id, stack: [], hidden: false, expanded: false });
  const bodyRef = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panelHint, setPanelHint] = useState(false);
  // Focus target after the view changes inside the card (follow, back, not-this, undo).
  const [focusTarget, setFocusTarget] = useState<'heading' | 'undo' | null>(props.autoFocus ? 'heading' : null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  // A different mention's entity resets the card; derived so no frame of the old history is ever rendered.
  const latestRoot = useRef(entity.id);
  latestRoot.current = entity.id;
  const fresh = (n: Nav): Nav => {
    const rootId = latestRoot.current;
    return n.rootId === rootId ? n : { rootId, stack: [], hidden: false, expanded: false };
  };
  const update = (fn: (n: Nav) => Nav) => setNav((n) => fn(fresh(n)));
  const current = fresh(nav);
  const view: LoadedEntity = current.stack[current.stack.length - 1] ?? {
    entity,
    related: props.related,
    mentionCount: props.mentionCount,
  };
  const atRoot = current.stack.length === 0;
  const previous = current.stack[current.stack.length - 2]?.entity ?? entity;

  // Layout effect: focus lands in the same frame as the new view, before anyone can type into the old one.
  useLayoutEffect(() => {
    if (!focusTarget) return;
    const root = rootRef.current;
    const el =
      focusTarget === 'undo'
        ? root?.querySelector<HTMLElement>('.cl-undo')
        : root?.querySelector<HTMLElement>(`[id="${headingId}"]`);
    el?.focus({ preventScroll: true });
    // A new view starts at its top (following a relation from far down the card).
    if (focusTarget === 'heading' && bodyRef.current) bodyRef.current.scrollTop = 0;
    setFocusTarget(null);
  });

  const follow = async (id: string) => {
    if (loading) return;
    setLoading(id);
    setError(null);
    const rootId = entity.id;
    try {
      const loaded = await props.loadEntity(id);
      // The card may have been switched to another mention meanwhile: then this result is stale.
      if (!alive.current || latestRoot.current !== rootId) return;
      update((n) => ({ ...n, stack: [...n.stack, loaded], expanded: false }));
      setFocusTarget('heading');
    } catch {
      if (alive.current) setError(id);
    } finally {
      if (alive.current) setLoading(null);
    }
  };
  const back = () => {
    update((n) => ({ ...n, stack: n.stack.slice(0, -1), expanded: false }));
    setError(null);
    setFocusTarget('heading');
  };
  const notThis = () => {
    props.onNotThis(entity.id);
    update((n) => ({ ...n, stack: [], hidden: true }));
    setFocusTarget('undo');
  };
  const undo = () => {
    props.onUndoNotThis(entity.id);
    update((n) => ({ ...n, hidden: false }));
    setFocusTarget('heading');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    props.onClose();
  };
  const H = headingTag(props.headingLevel ?? 2);
  const failed = error ? view.related.find((r) => r.entity.id === error)?.entity.name : undefined;

  return (
    <div
      ref={rootRef}
      class={`cl-card cl-card--${view.entity.type}`}
      role="dialog"
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      data-pinned={pinned ? 'true' : undefined}
      onKeyDown={onKeyDown}
    >
      <div class="cl-toolbar">
        {!atRoot && !current.hidden && (
          <button type="button" class="cl-back" onClick={back}>
            Back<span class="cl-sr"> to {previous.name}</span>
          </button>
        )}
        <span class="cl-spacer" />
        <button type="button" class="cl-pin" aria-pressed={pinned} onClick={props.onTogglePin}>
          {pinned ? 'Pinned' : 'Pin'}
        </button>
        <button type="button" class="cl-close" aria-label="Close card" title="Close (Esc)" onClick={props.onClose}>
          ×
        </button>
      </div>

      {current.hidden ? (
        <div class="cl-hidden-notice">
          <H id={headingId} class="cl-name" tabIndex={-1}>
            {entity.shortName || entity.name}
          </H>
          <p id={summaryId} role="status">
            Hidden on this site.{' '}
            <button type="button" class="cl-undo cl-link-button" onClick={undo}>
              Undo
            </button>
          </p>
        </div>
      ) : (
        <div class="cl-body" ref={bodyRef} aria-busy={loading ? 'true' : undefined}>
          <EntityCard
            compact={!current.expanded}
            entity={view.entity}
            related={view.related}
            mentionCount={view.mentionCount}
            onPage={onPage}
            datasetAsOf={datasetAsOf}
            factLimit={current.expanded ? undefined : (props.factLimit ?? 3)}
            relatedLimit={current.expanded ? undefined : (props.relatedLimit ?? 4)}
            onFollow={follow}
            headingLevel={props.headingLevel}
            headingId={headingId}
            summaryId={summaryId}
          />
          <p class="cl-status" role="status">
            {loading
              ? 'Loading…'
              : failed
                ? `Couldn’t load ${failed}.`
                : panelHint
                  ? `Show the ChipLens sidebar (toolbar button or ${PANEL_SHORTCUT}); it opens on ${view.entity.shortName}.`
                  : ''}
          </p>
        </div>
      )}

      {!current.hidden && (
        <div class="cl-actions">
          <button
            type="button"
            class="cl-expand"
            aria-expanded={current.expanded}
            onClick={() => update((n) => ({ ...n, expanded: !n.expanded }))}
          >
            {current.expanded ? 'Less' : 'More'}
          </button>
          <button
            type="button"
            onClick={() => void props.onOpenPanel(view.entity.id).then((opened) => setPanelHint(!opened))}
          >
            Open in side panel
          </button>
          {atRoot && (
            <>
              <button type="button" onClick={() => props.onAnnotate(entity.id)}>
                Annotate
              </button>
              <button type="button" class="cl-notthis" onClick={notThis}>
                Not this
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
