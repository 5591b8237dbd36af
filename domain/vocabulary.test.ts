import { describe, expect, test } from 'vitest';
import { infrastructureComponents, stages } from './vocabulary.ts';

describe('vocabularies', () => {
  test('list the lifecycle stages in lifecycle order', () => {
    expect(stages.codes).toEqual(['planned', 'established', 'building', 'operating', 'removed']);
  });

  test('label every code in both languages', () => {
    expect(stages.label('operating', 'vi')).toBe('Đang hoạt động');
    expect(stages.label('operating', 'en')).toBe('Operating');
  });

  test('list the ten infrastructure components a plan names', () => {
    expect(infrastructureComponents.codes).toHaveLength(10);
  });
});
