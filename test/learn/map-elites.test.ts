// MAP-Elites: each cell's elite is at least as good in its own cell as every other cell's elite and the generalist
// (exact scores, so exactly), schedules are valid, and the search is deterministic for a seed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runMapElites, schedule, scoreIn } from '../../src/learn/map-elites/map-elites.js';

const me = runMapElites(2000, 5);

test('every cell keeps an elite no worse in its cell than any other elite or the generalist', () => {
  assert.is(me.elites.length, 9);
  me.models.forEach((m, c) => {
    const own = me.elites[c]!.score;
    assert.ok(Math.abs(scoreIn(m, me.elites[c]!.genome) - own) < 1e-9, 'the stored score is the exact score');
    for (const other of me.elites)
      assert.ok(own <= scoreIn(m, other.genome) + 1e-9, `${me.elites[c]!.cell} vs ${other.cell}`);
    assert.ok(own <= scoreIn(m, me.generalist.genome) + 1e-9);
  });
});

test('the generalist has the best mean score over the cells of all the candidates kept', () => {
  const mean = (g: typeof me.generalist.genome) => me.models.reduce((a, m) => a + scoreIn(m, g), 0) / me.models.length;
  assert.ok(Math.abs(mean(me.generalist.genome) - me.generalist.meanScore) < 1e-9);
  for (const e of me.elites) assert.ok(me.generalist.meanScore <= mean(e.genome) + 1e-9);
});

test('schedules are non-negative fractions of the whole order, and the search is deterministic', () => {
  const f = schedule(me.elites[4]!.genome, me.models[4]!.volumeShare);
  assert.ok(f.every((x) => x >= 0) && f.reduce((a, b) => a + b, 0) > 0);
  assert.equal(
    runMapElites(2000, 5).elites.map((e) => e.score),
    me.elites.map((e) => e.score),
  );
});

test.run();
