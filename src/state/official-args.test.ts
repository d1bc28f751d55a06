import { describe, expect, it } from 'vitest';
import { fromOfficialArgs, splitCommandLine, toOfficialArgs } from './official-args.ts';
import { OFFICIAL_BSAM_DEMO } from './training.ts';
import { FASHION_LIVE, FASHION_OFFICIAL } from './training-presets.ts';

describe('state → the official train.py / test.py', () => {
  it('prints the official preset with every hyper-parameter, nothing to warn about', () => {
    const out = toOfficialArgs(FASHION_OFFICIAL);
    expect(out.trainLine).toBe(
      'python3 train.py --dataset fashion --model mlp --optim bsam --alpha 0.5 --rho 0.01 --beta1 0.9 --beta2 0.999 --priorprec 40 --dafactor 1 --batchsize 200 --batchsplit 8 --epochs 180 --warmup 5 --damping 0.1 --randomseed 0',
    );
    expect(out.testLine).toBe('python3 test.py --resultsfolder results/fashion_mlp/bsam/run_0 --testmc 32');
    expect(out.warnings).toEqual([]);
  });

  it('SAM-SGD: momentum as --beta1, K as --batchsplit, priorprec = δ·N·dafactor; SGD has no ρ and no split', () => {
    const sam = { ...FASHION_OFFICIAL, optimizer: { ...FASHION_OFFICIAL.optimizer, kind: 'sam-sgd' as const, learningRate: 0.05, momentum: 0.9, rho: 0.05, msharpness: 4, priorPrecision: null, weightDecay: 25 / 60_000 } };
    const out = toOfficialArgs(sam);
    expect(out.train.join(' ')).toMatch(/--optim sam --alpha 0.05 --rho 0.05 --beta1 0.9 --priorprec 25 --dafactor 1 --batchsize 200 --batchsplit 4 /);
    expect(out.train).not.toContain('--beta2');
    expect(out.testLine).toBe('python3 test.py --resultsfolder results/fashion_mlp/sam/run_0 --testmc 1');
    const sgd = toOfficialArgs({ ...sam, optimizer: { ...sam.optimizer, kind: 'sgd' } });
    expect(sgd.train).not.toContain('--rho');
    expect(sgd.train).not.toContain('--batchsplit');
  });

  it('says what the official code cannot express', () => {
    const w = toOfficialArgs(OFFICIAL_BSAM_DEMO).warnings.join('\n');
    expect(w).toMatch(/no 'moons' dataset/);
    expect(w).toMatch(/784-500-300-10 ELU with biases 0.05, not 784-32-32-32-32-10 elu/);
    expect(w).toMatch(/--warmup 0 is the closest to cosine/);
    expect(toOfficialArgs({ ...FASHION_OFFICIAL, optimizer: { ...FASHION_OFFICIAL.optimizer, kind: 'adam' } }).warnings.join()).toMatch(/no 'adam'/);
    expect(toOfficialArgs(FASHION_LIVE).warnings.join()).toMatch(/all 60000 images, not the first 10000/);
  });

  it('SAM and bSAM: a batch that K does not divide is said (the official reshape needs equal sub-batches); SGD has no K', () => {
    const uneven = (kind: 'sam-sgd' | 'bsam' | 'sgd', batchSize: number, msharpness: number) =>
      toOfficialArgs({ ...FASHION_OFFICIAL, optimizer: { ...FASHION_OFFICIAL.optimizer, kind, msharpness }, batchSize }).warnings.join('\n');
    expect(uneven('sam-sgd', 110, 4)).toMatch(/--batchsize 110 does not split into 4 equal sub-batches: .* K = 4 sub-batches of 27 rows, leaving 2 rows of each batch unused$/m);
    expect(uneven('bsam', 3, 4)).toMatch(/K = 3 sub-batches of 1 row$/m);
    expect(uneven('sam-sgd', 200, 8)).not.toMatch(/sub-batches/);
    expect(uneven('sgd', 110, 4)).not.toMatch(/sub-batches/);
  });
});

describe('the official command lines → state', () => {
  it('round trip: state → args → state is the identity for what the official code expresses', () => {
    for (const kind of ['bsam', 'sam-sgd', 'sgd'] as const) {
      const config = { ...FASHION_OFFICIAL, optimizer: { ...FASHION_OFFICIAL.optimizer, kind, learningRate: 0.05, rho: 0.02, msharpness: 4, dafactor: 2, priorPrecision: 30, weightDecay: 30 / 120_000 }, seeds: { data: 3, init: 3, noise: 3 }, warmup: 2, epochs: 7 };
      const { train, test } = toOfficialArgs(config);
      const back = fromOfficialArgs(train, test, FASHION_OFFICIAL);
      expect(back.warnings).toEqual([]);
      // SGD has no ρ and no split in the official code: those come back as the base's.
      const expected = kind === 'sgd' ? { ...config, optimizer: { ...config.optimizer, rho: FASHION_OFFICIAL.optimizer.rho, msharpness: FASHION_OFFICIAL.optimizer.msharpness } } : config;
      expect(back.config).toEqual(expected);
    }
  });

  it('round trip: args → state → args gives the same command line', () => {
    const line = 'python3 train.py --dataset fashion --model mlp --optim bsam --alpha 0.25 --rho 0.05 --beta1 0.8 --beta2 0.99 --priorprec 10 --dafactor 1 --batchsize 128 --batchsplit 2 --epochs 20 --warmup 3 --damping 0.2 --randomseed 7';
    const { config } = fromOfficialArgs(splitCommandLine(line), ['--testmc', '8']);
    expect(toOfficialArgs(config).trainLine).toBe(line);
    expect(config.predictiveSamples).toBe(8);
    expect(config.seeds).toEqual({ data: 7, init: 7, noise: 7 });
  });

  it('bad input is named; unknown options are warned about', () => {
    expect(() => fromOfficialArgs(['--dataset', 'cifar10'])).toThrow(/--dataset cifar10: only fashion/);
    expect(() => fromOfficialArgs(['--optim', 'adamw'])).toThrow(/the official optimizers are sgd, sam and bsam/);
    expect(() => fromOfficialArgs(['--alpha', 'fast'])).toThrow("--alpha must be a number, not 'fast'");
    expect(() => fromOfficialArgs(['--epochs'])).toThrow('--epochs needs a value');
    expect(() => fromOfficialArgs(['--batchsplit', '2.5'])).toThrow(/whole number/);
    expect(fromOfficialArgs(['--custominit', '1.0']).warnings).toEqual(['train.py --custominit has no counterpart in the lab; ignored']);
  });
});
