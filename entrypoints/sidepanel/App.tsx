/**
 * The side panel: the active tab's entities, their connections, the reader's notes on the page, the library of all
 * notes, and settings with export/import. Views are presentational (components/panel); this file holds the state and
 * talks to the tab (typed messages), the database (Dexie, extension origin) and storage.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  Connections,
  EntityView,
  Library,
  NotesHere,
  PageEntities,
  PanelApp,
  type PanelTab,
  SettingsView,
} from '../../components/panel';
import type { Annotation } from '../../lib/annotations/types';
import { getCatalog } from '../../lib/dataset/catalog';
import { connectionsAmong } from '../../lib/dataset/relations';
import type { ExportFormat } from '../../lib/export/types';
import { isWebUrl } from '../../lib/export/validate-record';
import { buildIndex, facets, type LibraryQuery, searchLibrary, siteOf } from '../../lib/library/search';
import { PANEL_FOCUS_KEY, sendToTab } from '../../lib/messaging';
import { isSiteDisabled } from '../../lib/settings/rules';
import { AnnotationRepository } from '../../lib/storage/annotation-repository';
import { announceAnnotationChange } from '../../lib/storage/changes';
import { openDb } from '../../lib/storage/db';
import { download, serialise } from './files';
import { useImport } from './import-file';
import { useLiveQuery, useSettings } from './live';
import { useTabContext } from './tab-context';

const catalog = getCatalog();
const repo = new AnnotationRepository(openDb());
const entityOptions = catalog.options();
const entityNames = new Map(catalog.entities.map((e) => [e.id, e.name]));
const entityMap = catalog.index.byId;

export function App() {
  const ctx = useTabContext();
  const [settings, saveSettings] = useSettings();
  const [tab, setTab] = useState<PanelTab>('page');
  const [entityStack, setEntityStack] = useState<string[]>([]);
  const [sentences, setSentences] = useState<
    { text: string; mentionIndex: number; mark: { start: number; end: number } }[]
  >([]);
  const [query, setQuery] = useState<LibraryQuery>({ sort: 'updated-desc' });
  const { pending, message, setMessage, busy, chooseFile, confirmImport, cancelImport } = useImport(repo);
  const [bytes, setBytes] = useState<number | undefined>(undefined);

  const all = useLiveQuery(() => repo.all(), [], [] as Annotation[]);
  const tags = useLiveQuery(() => repo.tags(), [], [] as string[]);
  const page = ctx.page;
  const pageNotes = useMemo(() => (page ? all.filter((a) => a.pageKey === page.pageKey) : []), [all, page]);
  const index = useMemo(() => buildIndex(all), [all]);
  const results = useMemo(() => searchLibrary(index, query), [index, query]);
  const libraryFacets = useMemo(() => facets(index), [index]);
  const onPageIds = useMemo(() => {
    const seen: string[] = [];
    for (const m of page?.mentions ?? []) if (!seen.includes(m.entityId)) seen.push(m.entityId);
    return seen;
  }, [page]);
  const onPage = useMemo(() => new Set(onPageIds), [onPageIds]);
  const connections = useMemo(() => connectionsAmong(onPageIds, catalog.index), [onPageIds]);

  // Theme on <html> too, so the panel background and scrollbars follow it.
  useEffect(() => {
    if (!settings || settings.theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', settings.theme);
  }, [settings]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the number of notes changes
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setBytes(e.usage));
  }, [all.length]);

  // A card's "Open in side panel" asks for an entity (storage.session, written by the background).
  useEffect(() => {
    const show = (v: unknown) => {
      const focus = v as { tabId?: number; entityId?: string; at?: number } | undefined;
      if (!focus?.entityId || focus.tabId !== ctx.tabId || Date.now() - (focus.at ?? 0) > 60_000) return;
      setTab('page');
      setEntityStack([focus.entityId]);
    };
    void browser.storage.session.get(PANEL_FOCUS_KEY).then((r) => show(r[PANEL_FOCUS_KEY]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && PANEL_FOCUS_KEY in changes) show(changes[PANEL_FOCUS_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [ctx.tabId]);

  const currentEntity = entityStack.length ? entityMap.get(entityStack[entityStack.length - 1]!) : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: sentences change with the page's text (page)
  useEffect(() => {
    setSentences([]);
    if (!currentEntity || ctx.tabId === null) return;
    void sendToTab(ctx.tabId, 'page:sentences', { entityId: currentEntity.id })
      .then((r) => setSentences(r.sentences))
      .catch(() => {});
  }, [currentEntity, ctx.tabId, page]);

  const toTab = <K extends 'page:revealEntity' | 'page:revealMention' | 'page:revealAnnotation'>(
    type: K,
    payload: Parameters<typeof sendToTab<K>>[2],
  ) => {
    if (ctx.tabId !== null) void sendToTab(ctx.tabId, type, payload).catch(() => {});
  };

  /** An edit from the Notes view: rejects (and the editor stays open, saying why) unless it is stored. */
  const save = async (a: Annotation) => {
    const stored = await repo.saveEdit(a);
    // Stored: a failure to tell the tabs only delays their refresh, it must not read as "not saved".
    await announceAnnotationChange([stored.pageKey]).catch((e) => console.warn('[ChipLens] announce failed', e));
  };
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<Annotation | null>(null);

  const onExport = (scope: 'page' | 'filter' | 'all', format: ExportFormat) => {
    if (!settings) return;
    const list = scope === 'page' ? pageNotes : scope === 'filter' ? results : all;
    const now = new Date();
    const name = download(format, serialise(format, list, settings, catalog, now), now);
    setMessage({ kind: 'status', text: `Exported ${list.length} note${list.length === 1 ? '' : 's'} to ${name}` });
  };

  const openFromLibrary = async (a: Annotation) => {
    // Only web pages: a stored or imported data:, file:, javascript: or browser URL is never opened.
    if (!isWebUrl(a.url)) {
      setLibraryError(
        `Not opened: ChipLens opens only http and https pages, and this note's page is "${a.url.slice(0, 80)}".`,
      );
      return;
    }
    setLibraryError(null);
    const tab = await browser.tabs.create({ url: a.url });
    if (tab.id === undefined) return;
    // Wait for the page's content script to anchor the note, then scroll to it.
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const r = await sendToTab(tab.id, 'page:revealAnnotation', { id: a.id }).catch(() => null);
      if (r?.found) return;
    }
  };

  const notice =
    ctx.status === 'unavailable'
      ? 'ChipLens cannot read this page (browser pages, the web store and some file types are off limits).'
      : settings && page && isSiteDisabled(settings, siteOf(page.url))
        ? 'ChipLens is off on this site (Settings).'
        : undefined;

  let view = null;
  if (tab === 'page') {
    view = currentEntity ? (
      <EntityView
        entity={currentEntity}
        related={catalog.related(currentEntity.id)}
        onPage={onPage}
        datasetAsOf={catalog.meta.asOf}
        sentences={sentences}
        onRevealMention={(index) => toTab('page:revealMention', { index })}
        onFollow={(id) => setEntityStack((s) => [...s, id])}
        onBack={() => setEntityStack((s) => s.slice(0, -1))}
      />
    ) : (
      <PageEntities
        mentions={page?.mentions ?? []}
        entities={entityMap}
        onReveal={(entityId) => toTab('page:revealEntity', { entityId })}
        onOpenEntity={(id) => setEntityStack([id])}
      />
    );
  } else if (tab === 'connections') {
    view = (
      <Connections
        connections={connections}
        entityCount={onPageIds.length}
        onOpenEntity={(id) => {
          setTab('page');
          setEntityStack([id]);
        }}
      />
    );
  } else if (tab === 'notes') {
    view = (
      <NotesHere
        annotations={pageNotes}
        anchors={page?.anchors ?? []}
        tagSuggestions={tags}
        entityOptions={entityOptions}
        onReveal={(id) => toTab('page:revealAnnotation', { id })}
        onSave={save}
        onDelete={(id) =>
          void repo.delete(id).then(async (deleted) => {
            setLastDeleted(deleted);
            if (deleted) await announceAnnotationChange([deleted.pageKey]);
          })
        }
        onUndoDelete={() => {
          if (lastDeleted) void repo.restore(lastDeleted).then(() => announceAnnotationChange([lastDeleted.pageKey]));
        }}
      />
    );
  } else if (tab === 'library') {
    view = (
      <Library
        results={results}
        total={all.length}
        facets={libraryFacets}
        query={query}
        onQueryChange={setQuery}
        onOpen={(a) => void openFromLibrary(a)}
        entityNames={entityNames}
        openError={libraryError}
      />
    );
  } else if (settings) {
    view = (
      <SettingsView
        settings={settings}
        onChange={saveSettings}
        storage={{ annotations: all.length, bytes }}
        currentSite={page ? siteOf(page.url) : undefined}
        entityNames={entityNames}
        scopeCounts={{ page: pageNotes.length, filter: results.length, all: all.length }}
        onExport={onExport}
        onChooseFile={(f) => void chooseFile(f)}
        importPreview={pending?.preview ?? null}
        onConfirmImport={() => void confirmImport()}
        onCancelImport={cancelImport}
        busy={busy}
        message={message}
      />
    );
  }

  return (
    <PanelApp
      pageTitle={page?.title ?? ''}
      pageUrl={page?.url}
      theme={settings?.theme ?? 'system'}
      tab={tab}
      onTabChange={(t) => {
        setTab(t);
        if (t === 'page') setEntityStack([]);
      }}
      notice={notice}
    >
      {view}
    </PanelApp>
  );
}
