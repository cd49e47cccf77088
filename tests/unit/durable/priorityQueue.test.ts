import { PriorityQueue } from '../../../local/durable/priorityQueue';

test('pops the smallest first and keeps insertion order among equals', () => {
  const q = new PriorityQueue<{ rank: number; seq: number }>((a, b) => a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq));
  const input = [5, 1, 4, 1, 3, 9, 2, 6, 5, 3].map((rank, seq) => ({ rank, seq }));
  input.forEach((x) => q.push(x));
  const out: string[] = [];
  while (q.length > 0) {
    const x = q.pop();
    if (x) out.push(`${x.rank}:${x.seq}`);
  }
  expect(out).toEqual(['1:1', '1:3', '2:6', '3:4', '3:9', '4:2', '5:0', '5:8', '6:7', '9:5']);
  expect(q.pop()).toBeUndefined();
});
