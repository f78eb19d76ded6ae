// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityView } from '../../../../components/panel/entity-view';
import { buildRelationIndex, relatedOf } from '../../../../lib/dataset/relations';
import { ENTITIES, H200 } from './fixtures';

afterEach(cleanup);

const index = buildRelationIndex(ENTITIES);

function setup(
  sentences = [
    { text: 'Washington may allow H200 sales to China.', mentionIndex: 1, mark: { start: 21, end: 25 } },
    { text: 'The H200 carries 141 GB of HBM3e.', mentionIndex: 3 },
  ],
) {
  const onRevealMention = vi.fn();
  const onFollow = vi.fn();
  const onBack = vi.fn();
  render(
    <EntityView
      entity={H200}
      related={relatedOf(H200.id, index)}
      onPage={new Set(['nvidia-h200', 'nvidia'])}
      datasetAsOf="2025-06-01"
      sentences={sentences}
      onRevealMention={onRevealMention}
      onFollow={onFollow}
      onBack={onBack}
    />,
  );
  return { onRevealMention, onFollow, onBack };
}

describe('EntityView', () => {
  it('shows the full card with every fact', () => {
    setup();
    expect(screen.getByRole('heading', { name: /NVIDIA H200/ })).toBeTruthy();
    for (const f of H200.facts) expect(screen.getByText(f.value)).toBeTruthy();
  });

  it('lists the sentences on this page, marks the mention and reveals it on click', () => {
    const { onRevealMention } = setup();
    const first = screen.getByRole('button', { name: 'Washington may allow H200 sales to China.' });
    expect(first.querySelector('mark')!.textContent).toBe('H200');
    fireEvent.click(screen.getByRole('button', { name: 'The H200 carries 141 GB of HBM3e.' }));
    expect(onRevealMention).toHaveBeenCalledWith(3);
  });

  it('goes back, with focus starting on the back button', () => {
    const { onBack } = setup();
    const back = screen.getByRole('button', { name: /Back/ });
    expect(document.activeElement).toBe(back);
    fireEvent.click(back);
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('follows a related entity', () => {
    const { onFollow } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^NVIDIA\b.*on this page/ }));
    expect(onFollow).toHaveBeenCalledWith('nvidia');
  });

  it('says when the entity is not mentioned on the page', () => {
    setup([]);
    expect(screen.getByText('Not mentioned on this page.')).toBeTruthy();
  });
});
