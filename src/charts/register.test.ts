import { _adapters, Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { registerCharts } from './register';

describe('registerCharts', () => {
  registerCharts();
  registerCharts();

  it('registers the line chart parts, both x scales and the annotation plugin', () => {
    expect(Chart.registry.getController('line')).toBeDefined();
    expect(Chart.registry.getElement('line')).toBeDefined();
    expect(Chart.registry.getElement('point')).toBeDefined();
    expect(Chart.registry.getScale('linear')).toBeDefined();
    expect(Chart.registry.getScale('time')).toBeDefined();
    for (const id of ['tooltip', 'legend', 'annotation']) {
      expect(Chart.registry.plugins.get(id)).toBeDefined();
    }
  });

  it('leaves out what the charts do not use', () => {
    expect(Chart.registry.controllers.get('bar')).toBeUndefined();
    expect(Chart.registry.scales.get('category')).toBeUndefined();
    expect(Chart.registry.plugins.get('filler')).toBeUndefined();
    expect(Chart.registry.plugins.get('decimation')).toBeUndefined();
  });

  it("draws text in the app's own font, not the computer's Helvetica or Arial", () => {
    expect(Chart.defaults.font.family).toMatch(/^'Trajectory Sans'/);
  });

  it('installs the date-fns adapter for the date axis', () => {
    const adapter = new _adapters._date();
    expect(adapter.parse('2023-11-30', 'yyyy-MM-dd')).toBe(new Date(2023, 10, 30).getTime());
  });
});
