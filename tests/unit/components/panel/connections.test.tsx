// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Connections, groupConnections } from '../../../../components/panel/connections';
import { buildRelationIndex, connectionsAmong } from '../../../../lib/dataset/relations';
import { ENTITIES } from './fixtures';

afterEach(cleanup);

const index = buildRelationIndex(ENTITIES);

describe('Connections', () => {
  it('groups direct links under the entity that states them, readable as sentences', () => {
    const connections = connectionsAmong(['bis', 'nvidia-h200', 'nvidia', 'ai-diffusion-rule', 'ndrc'], index, {
      indirect: false,
    });
    render(<Connections connections={connections} entityCount={5} onOpenEntity={() => {}} />);
    const groups = screen.getAllByRole('heading', { level: 2 });
    expect(groups.map((h) => h.textContent)).toEqual([
      'BIS Bureau of Industry and Security',
      'H200 NVIDIA H200',
      'AI Diffusion Rule Framework for AI Diffusion',
      'NDRC National Development and Reform Commission',
    ]);
    const lines = [...document.querySelectorAll('.clp-conn')].map((li) => li.textContent);
    expect(lines).toContain('made by NVIDIA');
    expect(lines).toContain('restricts H200');
    expect(lines).toContain('regulates NVIDIA (antitrust review)');
  });

  it('opens an entity from its name', () => {
    const onOpenEntity = vi.fn();
    render(
      <Connections
        connections={connectionsAmong(['nvidia-h200', 'nvidia'], index)}
        entityCount={2}
        onOpenEntity={onOpenEntity}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'NVIDIA' }));
    expect(onOpenEntity).toHaveBeenCalledWith('nvidia');
  });

  it('lists shared neighbours that are not on the page on one line', () => {
    const connections = connectionsAmong(['nvidia-h200', 'nvidia-h20'], index);
    const { indirect } = groupConnections(connections);
    expect(indirect.map((g) => [g.hub.id, g.label, g.members.map((c) => c.from.id)])).toContainEqual([
      'tsmc',
      'manufactured by',
      ['nvidia-h200', 'nvidia-h20'],
    ]);
    render(<Connections connections={connections} entityCount={2} onOpenEntity={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Through entities not on this page' })).toBeTruthy();
    const lines = [...document.querySelectorAll('.clp-conn')].map((li) => li.textContent);
    expect(lines).toContain('H200, H20 manufactured by TSMC (not on this page)');
  });

  it('explains an empty view', () => {
    render(<Connections connections={[]} entityCount={1} onOpenEntity={() => {}} />);
    expect(screen.getByText(/two or more related entities/)).toBeTruthy();
    cleanup();
    render(<Connections connections={[]} entityCount={3} onOpenEntity={() => {}} />);
    expect(screen.getByText('The entities on this page are not linked in the dataset.')).toBeTruthy();
  });
});
