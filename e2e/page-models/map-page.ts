/** An agreement's map: the canvas, the zone list, the tools (report, draw, edit) and their dialogs. */
import { expect, type Page } from '@playwright/test';

export function mapPage(page: Page) {
  const canvas = page.getByRole('region', { name: /^Map of / });
  const zones = page.getByRole('table', { name: 'Zones' });
  const pixel = async (attribute: string) => {
    await expect(canvas).toHaveAttribute(attribute, /^-?\d+,-?\d+$/);
    const [x, y] = (await canvas.getAttribute(attribute))!.split(',').map(Number) as [number, number];
    return { x, y };
  };
  return {
    goto: (slug: string, query = '') => page.goto(`/agreements/${slug}/map${query}`),
    canvas,
    zones,
    zoneRows: zones.locator('tbody tr'),
    zone: (name: string) => zones.getByRole('button', { name, exact: true }),
    legend: page.getByRole('region', { name: 'Key' }),
    popup: page.locator('.maplibregl-popup'),
    filters: page.getByRole('form', { name: 'Incident filters' }),
    note: page.getByRole('note'),
    count: page.locator('.map-count'),
    reportButton: page.getByRole('button', { name: 'Report an incident' }),
    drawButton: page.getByRole('button', { name: 'Draw a zone' }),
    finishButton: page.getByRole('button', { name: 'Finish', exact: true }),
    dialog: page.getByRole('dialog'),
    selectedZone: page.getByRole('region', { name: 'Selected zone' }),
    /** MapLibre's scale bar. */
    scaleBar: page.locator('.maplibregl-ctrl-scale'),
    /** A zone's name written on the map (an HTML label; the zone list names it for assistive technology). */
    zoneLabel: (name: string) => canvas.locator('.map-zone-label').filter({ hasText: new RegExp(`^${name}$`) }),
    useMyLocation: page.getByRole('button', { name: 'Use my location' }),
    /** On a phone: the buttons that unfold the filters and the key. */
    filtersToggle: page.getByRole('button', { name: /^Filters\b/ }),
    keyToggle: page.getByRole('button', { name: 'Key', exact: true }),
    /** Waits until the map has loaded its style and sources. */
    ready: () => expect(canvas).toHaveAttribute('data-ready', 'true', { timeout: 15_000 }),
    /** The pixel (relative to the map) of a point inside the selected zone, as the map projects it. */
    selectedPoint: () => pixel('data-selected-point'),
    /** The pixel of the first corner handle while a shape is edited. */
    firstHandle: () => pixel('data-first-handle'),
  };
}
