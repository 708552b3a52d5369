import { describe, expect, it } from 'vitest';
import { parseParameterFile } from '../parameter-file';
import { toParameterFileText } from '../parameter-maps';

describe('elastix parameter files', () => {
  it('reads quoted strings, numbers and comments', () => {
    const text = '// written by elastix\n(Transform "EulerTransform")\n' +
      '(TransformParameters 0.1 -2 3e-4 1 2 3)\n(Metric "A" "B") // two metrics\n';

    expect(parseParameterFile(text)).toEqual({
      Transform: ['EulerTransform'],
      TransformParameters: ['0.1', '-2', '3e-4', '1', '2', '3'],
      Metric: ['A', 'B'],
    });
  });

  it('reads back what it writes', () => {
    const map = { Transform: ['AffineTransform'], NumberOfResolutions: ['3'] };

    expect(toParameterFileText(map)).toBe('(Transform "AffineTransform")\n(NumberOfResolutions 3)');
    expect(parseParameterFile(toParameterFileText(map))).toEqual(map);
  });
});
