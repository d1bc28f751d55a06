/**
 * The training config ↔ the official repository's command lines (train.py and test.py, theory.md §8), for
 * "Run it at scale" and `cli export-official`: a user who outgrows the browser takes the same experiment to
 * GPUs with the official JAX code. Both directions are pure; what one side cannot express is said in
 * `warnings`, never dropped silently.
 */
import type { TrainingConfig } from './training.ts';
import { FASHION_MNIST_TRAIN_SIZE } from './training.ts';
import { FASHION_OFFICIAL, OFFICIAL_MLP, modelPresetOf } from './training-presets.ts';
import { priorPrecisionOf } from './training-derived.ts';

export interface OfficialCommands {
  /** Arguments of train.py and test.py, in the order they are printed. */
  train: string[];
  test: string[];
  /** The command lines as a shell would take them. */
  trainLine: string;
  testLine: string;
  /** What the official code cannot express, or will do differently. */
  warnings: string[];
}

/** Official `--optim` for each of ours; SGD and SAM take the momentum as --beta1 (optax sgd's momentum). */
const OPTIM: Partial<Record<TrainingConfig['optimizer']['kind'], string>> = { sgd: 'sgd', 'sam-sgd': 'sam', bsam: 'bsam' };

/** Shortest decimal that reads back as the same double (String does that), never exponent-free noise. */
const num = (x: number) => String(x);

export function resultsFolder(config: TrainingConfig): string {
  const optim = OPTIM[config.optimizer.kind] ?? config.optimizer.kind;
  return `results/fashion_mlp/${optim}/run_${config.seeds.init}`;
}

export function toOfficialArgs(config: TrainingConfig): OfficialCommands {
  const { dataset, optimizer: o } = config;
  const warnings: string[] = [];
  if (dataset.kind !== 'fashion-mnist') warnings.push(`the official code has no '${dataset.kind}' dataset; --dataset fashion is printed`);
  else if (dataset.size !== FASHION_MNIST_TRAIN_SIZE) {
    warnings.push(`the official train.py trains on all ${FASHION_MNIST_TRAIN_SIZE} images, not the first ${dataset.size}; --priorprec keeps the same prior, so its weight decay there is priorprec / (${FASHION_MNIST_TRAIN_SIZE} · dafactor)`);
  }
  if (modelPresetOf(config.model) !== 'mlp') {
    const widths = [784, ...config.model.hidden, 10].join('-');
    warnings.push(`the official --model mlp is 784-500-300-10 ELU with biases 0.05, not ${widths} ${config.model.activation} (biases ${config.model.biasInit})`);
  }
  const optim = OPTIM[o.kind];
  if (!optim) warnings.push(`the official train.py has no '${o.kind}' (its optimizers: sgd, sam, bsam); --optim ${o.kind} is printed as is`);
  if (config.schedule === 'constant') warnings.push('the official train.py always uses warm-up + cosine; a constant learning rate cannot be expressed');
  if (config.schedule === 'cosine') warnings.push('the official schedule is warm-up + cosine over epochs + 1 passes; --warmup 0 is the closest to cosine');
  const bsam = o.kind === 'bsam';
  const perturbs = bsam || o.kind === 'sam-sgd' || o.kind === 'sam-adam';
  if (perturbs && config.batchSize % o.msharpness !== 0) {
    const K = Math.min(o.msharpness, config.batchSize);
    const rows = Math.floor(config.batchSize / K);
    const unused = config.batchSize - K * rows;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    warnings.push(
      `--batchsize ${config.batchSize} does not split into ${o.msharpness} equal sub-batches: the official optim.py's reshape fails; the lab runs K = ${K} sub-batches of ${plural(rows, 'row')}${unused ? `, leaving ${plural(unused, 'row')} of each batch unused` : ''}`,
    );
  }
  const train = [
    '--dataset', 'fashion',
    '--model', 'mlp',
    '--optim', optim ?? o.kind,
    '--alpha', num(o.learningRate),
    ...(o.kind === 'sgd' ? [] : ['--rho', num(o.rho)]),
    '--beta1', num(bsam ? o.beta1 : o.momentum),
    ...(bsam ? ['--beta2', num(o.beta2)] : []),
    '--priorprec', num(priorPrecisionOf(o, dataset.size)),
    '--dafactor', num(o.dafactor),
    '--batchsize', num(config.batchSize),
    ...(o.kind === 'sgd' ? [] : ['--batchsplit', num(o.msharpness)]),
    '--epochs', num(config.epochs),
    '--warmup', num(config.schedule === 'warmup-cosine' ? config.warmup : 0),
    ...(bsam ? ['--damping', num(o.damping)] : []),
    '--randomseed', num(config.seeds.init),
  ];
  const test = ['--resultsfolder', resultsFolder(config), '--testmc', num(bsam ? config.predictiveSamples : 1)];
  return { train, test, trainLine: ['python3', 'train.py', ...train].join(' '), testLine: ['python3', 'test.py', ...test].join(' '), warnings };
}

/** Arguments → name/value pairs; a flag without a value or a stray word is an error naming it. */
function pairs(args: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'python3' || a === 'python' || a.endsWith('.py')) continue;
    if (!a.startsWith('--')) throw new Error(`unexpected '${a}': every value follows its --option`);
    const eq = a.indexOf('=');
    if (eq > 0) out.set(a.slice(2, eq), a.slice(eq + 1));
    else {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      out.set(a.slice(2), v);
      i++;
    }
  }
  return out;
}

const OUR_OPTIM: Record<string, TrainingConfig['optimizer']['kind']> = { sgd: 'sgd', sam: 'sam-sgd', bsam: 'bsam' };

/**
 * train.py (and optionally test.py) arguments → a training config: what they leave out comes from `base`
 * (the official Fashion-MNIST preset). Unknown options are listed in warnings; bad values throw.
 */
export function fromOfficialArgs(trainArgs: readonly string[], testArgs: readonly string[] = [], base: TrainingConfig = FASHION_OFFICIAL): { config: TrainingConfig; warnings: string[] } {
  const a = pairs(trainArgs);
  const t = pairs(testArgs);
  const warnings: string[] = [];
  const take = (m: Map<string, string>, key: string): string | undefined => {
    const v = m.get(key);
    m.delete(key);
    return v;
  };
  const number = (m: Map<string, string>, key: string, integer = false): number | undefined => {
    const text = take(m, key);
    if (text === undefined) return undefined;
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) throw new Error(`--${key} must be ${integer ? 'a whole number' : 'a number'}, not '${text}'`);
    return v;
  };
  const dataset = take(a, 'dataset');
  if (dataset !== undefined && dataset !== 'fashion') throw new Error(`--dataset ${dataset}: only fashion (Fashion-MNIST) runs in the lab`);
  const model = take(a, 'model');
  if (model !== undefined && model !== 'mlp') throw new Error(`--model ${model}: only mlp runs in the lab`);
  const optimText = take(a, 'optim');
  const kind = optimText === undefined ? base.optimizer.kind : OUR_OPTIM[optimText];
  if (!kind) throw new Error(`--optim ${optimText}: the official optimizers are sgd, sam and bsam`);
  const bsam = kind === 'bsam';
  const o = { ...base.optimizer, kind };
  o.learningRate = number(a, 'alpha') ?? o.learningRate;
  o.rho = number(a, 'rho') ?? o.rho;
  const beta1 = number(a, 'beta1');
  if (beta1 !== undefined) {
    if (bsam) o.beta1 = beta1;
    else o.momentum = beta1;
  }
  o.beta2 = number(a, 'beta2') ?? o.beta2;
  const prior = number(a, 'priorprec');
  o.dafactor = number(a, 'dafactor') ?? o.dafactor;
  o.priorPrecision = prior ?? priorPrecisionOf(base.optimizer, base.dataset.size);
  o.weightDecay = o.priorPrecision / (FASHION_MNIST_TRAIN_SIZE * o.dafactor);
  o.msharpness = number(a, 'batchsplit', true) ?? o.msharpness;
  o.damping = number(a, 'damping') ?? o.damping;
  const seed = number(a, 'randomseed', true);
  const warmup = number(a, 'warmup', true);
  const config: TrainingConfig = {
    ...base,
    dataset: { ...base.dataset, kind: 'fashion-mnist', size: FASHION_MNIST_TRAIN_SIZE },
    model: model === undefined ? base.model : OFFICIAL_MLP,
    optimizer: o,
    batchSize: number(a, 'batchsize', true) ?? base.batchSize,
    epochs: number(a, 'epochs', true) ?? base.epochs,
    schedule: 'warmup-cosine',
    warmup: warmup ?? base.warmup,
    seeds: seed === undefined ? base.seeds : { data: seed, init: seed, noise: seed },
  };
  const testmc = number(t, 'testmc', true);
  if (testmc !== undefined && bsam) config.predictiveSamples = testmc;
  take(t, 'resultsfolder');
  for (const key of [...a.keys()]) warnings.push(`train.py --${key} has no counterpart in the lab; ignored`);
  for (const key of [...t.keys()]) warnings.push(`test.py --${key} has no counterpart in the lab; ignored`);
  return { config, warnings };
}

/** Splits a command line on spaces (the official arguments never need quoting). */
export function splitCommandLine(line: string): string[] {
  return line.trim().split(/\s+/).filter(Boolean);
}
