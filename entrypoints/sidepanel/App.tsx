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
  type ImportPreview,
  Library,
  NotesHere,
  PageEntities,
  PanelApp,
  type PanelMessage,
  type PanelTab,
  SettingsView,
} from '../../components/panel';
import type { Annotation } from '../../lib/annotations/types';
import { getCatalog } from '../../lib/dataset/catalog';
import { connectionsAmong } from '../../lib/dataset/relations';
import { formatBytes, parseImport, planImport } from '../../lib/export';
import type { ExportFormat } from '../../lib/export/types';
import { buildIndex, facets, type LibraryQuery, searchLibrary, siteOf } from '../../lib/library/search';
import { PANEL_FOCUS_KEY, sendToTab } from '../../lib/messaging';
import { isSiteDisabled } from '../../lib/settings/rules';
import { AnnotationRepository } from '../../lib/storage/annotation-repository';
import { announceAnnotationChange } from '../../lib/storage/changes';
import { openDb } from '../../lib/storage/db';
import { download, MAX_IMPORT_BYTES, serialise } from './files';
import { useLiveQuery, useSettings } from './live';
import { useTabContext } from './tab-context';

const catalog = getCatalog();
const repo = new AnnotationRepository(openDb());
const entityOptions = catalog.options();
const entityNames = new Map(catalog.entities.map((e) => [e.id, e.name]));
const entityMap = catalog.index.byId;

type Pending = { plan: ReturnType<typeof planImport>; preview: ImportPreview };

export function App() {
  const ctx = useTabContext();
  const [settings, saveSettings] = useSettings();
  const [tab, setTab] = useState<PanelTab>('page');
  const [entityStack, setEntityStack] = useState<string[]>([]);
  const [sentences, setSentences] = useState<
    { text: string; mentionIndex: number; mark: { start: number; end: number } }[]
  >([]);
  const [query, setQuery] = useState<LibraryQuery>({ sort: 'updated-desc' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const [busy, setBusy] = useState(false);
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

  const save = async (a: Annotation) => {
    await repo.save(a);
    await announceAnnotationChange([a.pageKey]);
  };
  const [lastDeleted, setLastDeleted] = useState<Annotation | null>(null);

  const onExport = (scope: 'page' | 'filter' | 'all', format: ExportFormat) => {
    if (!settings) return;
    const list = scope === 'page' ? pageNotes : scope === 'filter' ? results : all;
    const now = new Date();
    const name = download(format, serialise(format, list, settings, catalog, now), now);
    setMessage({ kind: 'status', text: `Exported ${list.length} note${list.length === 1 ? '' : 's'} to ${name}` });
  };

  const onChooseFile = async (file: File) => {
    setPending(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({
        kind: 'error',
        text: `${file.name} is ${formatBytes(file.size)}; the import limit is ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.`,
      });
      return;
    }
    setBusy(true);
    try {
      const result = parseImport(await file.text(), { maxBytes: MAX_IMPORT_BYTES, now: new Date() });
      if (!result.ok) {
        setMessage({ kind: 'error', text: `${file.name}: ${result.error} Nothing was imported.` });
        return;
      }
      const byId = new Map(all.map((a) => [a.id, a]));
      const plan = planImport((id) => byId.get(id), result.annotations);
      setPending({
        plan,
        preview: {
          fileName: file.name,
          add: plan.add.length,
          update: plan.update.length,
          skip: plan.skip.length,
          errors: result.errors,
        },
      });
      setMessage(null);
    } finally {
      setBusy(false);
    }
  };

  const onConfirmImport = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const counts = await repo.importAtomic(pending.plan);
      await announceAnnotationChange([...pending.plan.add, ...pending.plan.update].map((a) => a.pageKey));
      setMessage({ kind: 'status', text: `Imported: ${counts.added} new, ${counts.updated} updated.` });
      setPending(null);
    } catch (e) {
      setMessage({
        kind: 'error',
        text: `Import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const openFromLibrary = async (a: Annotation) => {
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
        onSave={(a) => void save(a)}
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
        onChooseFile={(f) => void onChooseFile(f)}
        importPreview={pending?.preview ?? null}
        onConfirmImport={() => void onConfirmImport()}
        onCancelImport={() => setPending(null)}
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
